"""Sums over all samples too: returns one number instead of one prediction per sample."""
def predict(X, w, b):
    return np.sum(X * w) + b
