"""np.where(z > 0, 1.0, 0.0)."""
def relu_grad(z):
    return np.where(z > 0, 1.0, 0.0)
