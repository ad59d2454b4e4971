"""Divides the gradient by lr instead of multiplying."""
def sgd_step(params, grads, lr):
    for k in params:
        params[k] -= grads[k] / lr
