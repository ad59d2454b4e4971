"""alpha + (1 - alpha) * (z > 0)."""
def leaky_relu_grad(z, alpha=0.01):
    return alpha + (1.0 - alpha) * (z > 0)
