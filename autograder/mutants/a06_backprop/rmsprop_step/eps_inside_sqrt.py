"""Puts eps inside the square root: sqrt(s + eps).

Student: This is what comes out when eps is put inside the square root.
"""
def rmsprop_step(params, grads, cache, lr, rho=0.9, eps=1e-8):
    for k in params:
        cache[k] = rho * cache.get(k, 0.0) + (1 - rho) * grads[k] ** 2
        params[k] -= lr * grads[k] / np.sqrt(cache[k] + eps)
