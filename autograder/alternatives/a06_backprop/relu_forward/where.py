"""np.where instead of np.maximum."""
def relu_forward(z):
    return np.where(z > 0, z, 0.0), z
