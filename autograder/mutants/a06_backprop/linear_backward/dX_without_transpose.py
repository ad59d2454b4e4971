"""dX = dout @ W instead of dout @ W.T.

Student: This is what comes out when dX multiplies dout by W as it is, with no transpose.
"""
def linear_backward(dout, cache):
    X, W, b = cache
    return dout @ W, X.T @ dout, dout.sum(axis=0)
