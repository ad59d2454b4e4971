"""Allocate (m, n + 1) with np.empty, then fill the two parts."""
def add_bias_column(X):
    m, n = X.shape
    Xb = np.empty((m, n + 1))
    Xb[:, 0] = 1
    Xb[:, 1:] = X
    return Xb
