"""Stable, but writes the result into the input array.

Student: This matches a version that writes the sigmoid into z itself, overwriting the input.
"""
def sigmoid(z):
    e = np.exp(-np.abs(z))
    z[...] = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return z
