"""Divides the gradient by lr instead of multiplying.

Student: This is what comes out when the gradient is divided by the learning rate.
"""
def sgd_step(params, grads, lr):
    for k in params:
        params[k] -= grads[k] / lr
