"""alpha for positive z and 1 for negative."""
def leaky_relu_grad(z, alpha=0.01):
    return np.where(z > 0, alpha, 1.0)
