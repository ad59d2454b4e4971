"""Averages the gradient instead of its square: sqrt of negative numbers gives nan.

Student: This is what comes out when the raw gradient is averaged, so negative averages give nan.
"""
def rmsprop_step(params, grads, cache, lr, rho=0.9, eps=1e-8):
    for k in params:
        cache[k] = rho * cache.get(k, 0.0) + (1 - rho) * grads[k]
        params[k] -= lr * grads[k] / (np.sqrt(cache[k]) + eps)
