"""dX = dout @ W instead of dout @ W.T."""
def linear_backward(dout, cache):
    X, W, b = cache
    return dout @ W, X.T @ dout, dout.sum(axis=0)
