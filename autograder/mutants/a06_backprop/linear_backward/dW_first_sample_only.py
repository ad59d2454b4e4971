"""dW from the first sample only: np.outer(X[0], dout[0]).

Student: This is what comes out when dW is built from the first sample only.
"""
def linear_backward(dout, cache):
    X, W, b = cache
    return dout @ W.T, np.outer(X[0], dout[0]), dout.sum(axis=0)
