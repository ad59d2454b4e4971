"""Returns the powers as rows: shape (d + 1, m) instead of (m, d + 1).

Student: This is what comes out when the powers are laid out as rows and the samples as columns.
"""
def polynomial_features(x, degree):
    x = np.asarray(x, dtype=float)
    return np.arange(degree + 1)[:, None] ** 0 * x[None, :] ** np.arange(degree + 1)[:, None]
