"""Divides by s + eps instead of sqrt(s) + eps.

Student: This is what comes out when the step is divided by the running average, with no root.
"""
def rmsprop_step(params, grads, cache, lr, rho=0.9, eps=1e-8):
    for k in params:
        cache[k] = rho * cache.get(k, 0.0) + (1 - rho) * grads[k] ** 2
        params[k] -= lr * grads[k] / (cache[k] + eps)
