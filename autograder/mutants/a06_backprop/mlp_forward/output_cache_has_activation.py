"""Stores (linear_cache, activation, z) for the output layer instead of (linear_cache, None, None).

Student: This matches a version that records an activation and its cache for the output layer.
"""
def mlp_forward(X, params, activation="relu"):
    L = len(params) // 2
    forward = relu_forward if activation == "relu" else sigmoid_forward
    caches, h = [], X
    for l in range(1, L + 1):
        z, linear_cache = linear_forward(h, params[f"W{l}"], params[f"b{l}"])
        if l < L:
            h, act_cache = forward(z)
            caches.append((linear_cache, activation, act_cache))
        else:
            h = z
            caches.append((linear_cache, activation, z))
    return h, caches
