"""Right weights, but returns shape (m, 1).

Student: This matches a version that returns a column of shape (m, 1) instead of a flat array.
"""
def xor_network(X):
    H = (X @ np.array([[1.0, 1.0], [1.0, 1.0]]) + np.array([-0.5, -1.5]) > 0).astype(int)
    return (H @ np.array([[1.0], [-2.0]]) - 0.5 > 0).astype(int)
