"""Casts the result to integers."""
def relu(z):
    return np.maximum(z, 0).astype(int)
