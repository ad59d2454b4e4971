"""Returns |z| instead of max(0, z)."""
def relu_forward(z):
    return np.abs(z), z
