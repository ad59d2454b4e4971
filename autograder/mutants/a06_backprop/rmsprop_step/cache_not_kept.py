"""Never stores the running average: s restarts from zero at every step.

Student: This is what comes out when the running average is never stored, so it restarts each step.
"""
def rmsprop_step(params, grads, cache, lr, rho=0.9, eps=1e-8):
    for k in params:
        s = rho * cache.get(k, 0.0) + (1 - rho) * grads[k] ** 2
        params[k] -= lr * grads[k] / (np.sqrt(s) + eps)
