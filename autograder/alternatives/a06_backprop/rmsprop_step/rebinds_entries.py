"""np.square and a rebound params[k]; missing cache entries start as zero arrays."""
def rmsprop_step(params, grads, cache, lr, rho=0.9, eps=1e-8):
    for k, g in grads.items():
        s = cache.get(k, np.zeros_like(g))
        s = rho * s + (1.0 - rho) * np.square(g)
        cache[k] = s
        params[k] = params[k] - lr * g / (np.sqrt(s) + eps)
