"""Writes np.tanh into the input array.

Student: This matches a version that writes tanh into z itself, overwriting the input.
"""
def tanh(z):
    np.tanh(z, out=z)
    return z
