"""Writes np.tanh into the input array."""
def tanh(z):
    np.tanh(z, out=z)
    return z
