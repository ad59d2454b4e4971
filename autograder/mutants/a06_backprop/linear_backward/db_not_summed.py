"""db = dout: not summed over the batch (shape (m, k) instead of (k,))."""
def linear_backward(dout, cache):
    X, W, b = cache
    return dout @ W.T, X.T @ dout, dout.copy()
