"""Stable, but caches the input z instead of the output.

Student: This matches a version that caches the input z instead of the output.
"""
def sigmoid_forward(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)), z
