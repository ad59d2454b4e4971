"""Right weights, but returns booleans.

Student: This matches a version that returns True/False values instead of the integers 0 and 1.
"""
def xor_network(X):
    H = (X @ np.array([[1.0, 1.0], [1.0, 1.0]]) + np.array([-0.5, -1.5]) > 0).astype(int)
    return H @ np.array([1.0, -2.0]) - 0.5 > 0
