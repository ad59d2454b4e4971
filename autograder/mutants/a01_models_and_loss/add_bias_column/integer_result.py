"""Builds the result as integers, truncating fractional features.

Student: This is what comes out when Xb holds whole numbers only, so fractional features get cut.
"""
def add_bias_column(X):
    Xb = np.ones((X.shape[0], X.shape[1] + 1), dtype=int)
    Xb[:, 1:] = X
    return Xb
