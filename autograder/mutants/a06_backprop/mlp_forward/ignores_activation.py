"""Always uses ReLU, whatever the activation argument says.

Student: This is what comes out when ReLU is always used, whatever activation is asked for.
"""
def mlp_forward(X, params, activation="relu"):
    L = len(params) // 2
    caches, h = [], X
    for l in range(1, L + 1):
        z, linear_cache = linear_forward(h, params[f"W{l}"], params[f"b{l}"])
        if l < L:
            h, act_cache = relu_forward(z)
            caches.append((linear_cache, "relu", act_cache))
        else:
            h = z
            caches.append((linear_cache, None, None))
    return h, caches
