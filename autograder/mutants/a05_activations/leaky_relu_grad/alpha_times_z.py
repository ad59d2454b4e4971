"""Returns alpha * z for negative z (the function's value, not its slope)."""
def leaky_relu_grad(z, alpha=0.01):
    return np.where(z > 0, 1.0, alpha * z)
