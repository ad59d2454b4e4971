"""Builds a new local dict and returns it: the caller's params are never updated."""
def sgd_step(params, grads, lr):
    params = {k: params[k] - lr * grads[k] for k in params}
    return params
