"""Loops over range(1, L): stops before the output layer.

Student: This is what comes out when the loop stops before the output layer.
"""
def mlp_forward(X, params, activation="relu"):
    L = len(params) // 2
    forward = relu_forward if activation == "relu" else sigmoid_forward
    caches, h = [], X
    for l in range(1, L):
        z, linear_cache = linear_forward(h, params[f"W{l}"], params[f"b{l}"])
        if l < L - 1:
            h, act_cache = forward(z)
            caches.append((linear_cache, activation, act_cache))
        else:
            h = z
            caches.append((linear_cache, None, None))
    return h, caches
