"""Counts the layers from the keys that start with W and uses getattr-free dispatch via a dict."""
def mlp_forward(X, params, activation="relu"):
    n_layers = sum(1 for k in params if k.startswith("W"))
    act = {"relu": relu_forward, "sigmoid": sigmoid_forward}[activation]
    h, caches = X, []
    for l in range(1, n_layers + 1):
        z, lc = linear_forward(h, params[f"W{l}"], params[f"b{l}"])
        last = l == n_layers
        h, ac = (z, None) if last else act(z)
        caches.append((lc, None if last else activation, ac))
    return h, caches
