"""dW = dout.T @ X: the transpose of the right gradient, shape (k, n) instead of (n, k).

Student: This is what comes out when dW is multiplied in the wrong order, giving its transpose.
"""
def linear_backward(dout, cache):
    X, W, b = cache
    return dout @ W.T, dout.T @ X, dout.sum(axis=0)
