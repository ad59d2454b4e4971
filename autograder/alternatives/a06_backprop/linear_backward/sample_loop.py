"""A Python loop over the samples, adding up outer products for dW and rows for db."""
def linear_backward(dout, cache):
    X, W, b = cache
    dX = np.zeros(X.shape)
    dW = np.zeros(W.shape)
    db = np.zeros(W.shape[1])
    for i in range(X.shape[0]):
        dX[i] = W @ dout[i]
        dW += np.outer(X[i], dout[i])
        db += dout[i]
    return dX, dW, db
