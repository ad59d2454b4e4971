"""Swaps rho and 1 - rho: s = (1 - rho) * s + rho * g**2.

Student: This is what comes out when rho and one minus rho are swapped in the running average.
"""
def rmsprop_step(params, grads, cache, lr, rho=0.9, eps=1e-8):
    for k in params:
        cache[k] = (1 - rho) * cache.get(k, 0.0) + rho * grads[k] ** 2
        params[k] -= lr * grads[k] / (np.sqrt(cache[k]) + eps)
