"""Averages dW over the batch (X.T @ dout / m) instead of summing.

Student: This is what comes out when dW is divided by the batch size, averaging over the samples.
"""
def linear_backward(dout, cache):
    X, W, b = cache
    return dout @ W.T, X.T @ dout / X.shape[0], dout.sum(axis=0)
