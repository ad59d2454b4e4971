"""Returns the boolean mask itself."""
def relu_grad(z):
    return z > 0
