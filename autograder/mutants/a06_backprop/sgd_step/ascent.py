"""Adds lr * grads[k]: gradient ascent.

Student: This is what comes out when the gradient is added, climbing uphill: gradient ascent.
"""
def sgd_step(params, grads, lr):
    for k in params:
        params[k] += lr * grads[k]
