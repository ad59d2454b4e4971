"""Hidden layers in a loop, then the output layer separately; if/elif on the activation."""
def mlp_forward(X, params, activation="relu"):
    L = len(params) // 2
    caches = []
    h = X
    for l in range(1, L):
        z, lc = linear_forward(h, params["W%d" % l], params["b%d" % l])
        if activation == "relu":
            h, ac = relu_forward(z)
        elif activation == "sigmoid":
            h, ac = sigmoid_forward(z)
        else:
            raise ValueError(activation)
        caches.append((lc, activation, ac))
    scores, lc = linear_forward(h, params[f"W{L}"], params[f"b{L}"])
    caches.append((lc, None, None))
    return scores, caches
