"""np.maximum(z, 0).astype(int): truncates to integers."""
def relu_forward(z):
    return np.maximum(z, 0).astype(int), z
