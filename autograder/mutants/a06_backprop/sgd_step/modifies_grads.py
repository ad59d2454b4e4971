"""Scales grads[k] by lr in place before subtracting: the caller's gradients change."""
def sgd_step(params, grads, lr):
    for k in params:
        grads[k] *= lr
        params[k] -= grads[k]
