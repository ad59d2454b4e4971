"""Adds lr * grads[k]: gradient ascent."""
def sgd_step(params, grads, lr):
    for k in params:
        params[k] += lr * grads[k]
