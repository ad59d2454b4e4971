"""Builds a new local dict and returns it: the caller's params are never updated.

Student: This matches a version that builds a new dict, leaving the caller's params unchanged.
"""
def sgd_step(params, grads, lr):
    params = {k: params[k] - lr * grads[k] for k in params}
    return params
