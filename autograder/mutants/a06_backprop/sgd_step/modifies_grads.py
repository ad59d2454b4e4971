"""Scales grads[k] by lr in place before subtracting: the caller's gradients change.

Student: This matches a version that scales the caller's gradients in place before subtracting.
"""
def sgd_step(params, grads, lr):
    for k in params:
        grads[k] *= lr
        params[k] -= grads[k]
