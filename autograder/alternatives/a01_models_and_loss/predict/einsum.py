"""np.einsum and np.dot, bias as an array."""
def predict(X, w, b):
    return np.einsum("ij,j->i", X, w) + np.full(X.shape[0], b)
