"""Applies the activation after the output layer too (and caches it like a hidden layer).

Student: This is what comes out when the activation is applied after the output layer too.
"""
def mlp_forward(X, params, activation="relu"):
    forward = relu_forward if activation == "relu" else sigmoid_forward
    caches, h = [], X
    for l in range(1, len(params) // 2 + 1):
        z, linear_cache = linear_forward(h, params[f"W{l}"], params[f"b{l}"])
        h, act_cache = forward(z)
        caches.append((linear_cache, activation, act_cache))
    return h, caches
