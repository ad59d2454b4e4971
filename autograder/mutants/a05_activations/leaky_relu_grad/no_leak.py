"""Returns the ReLU derivative: 0 instead of alpha for negative z."""
def leaky_relu_grad(z, alpha=0.01):
    return np.where(z > 0, 1.0, 0.0)
