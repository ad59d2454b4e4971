"""Updates the cache arrays in place (s *= rho; s += (1 - rho) g**2)."""
def rmsprop_step(params, grads, cache, lr, rho=0.9, eps=1e-8):
    for k in params:
        if k not in cache:
            cache[k] = np.zeros_like(params[k])
        s = cache[k]
        s *= rho
        s += (1 - rho) * grads[k] * grads[k]
        params[k] -= lr * grads[k] / (np.sqrt(s) + eps)
