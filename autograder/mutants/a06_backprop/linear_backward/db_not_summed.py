"""db = dout: not summed over the batch (shape (m, k) instead of (k,)).

Student: This is what comes out when db is the upstream gradient itself, one row per sample.
"""
def linear_backward(dout, cache):
    X, W, b = cache
    return dout @ W.T, X.T @ dout, dout.copy()
