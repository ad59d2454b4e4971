"""np.heaviside(z, 0)."""
def relu_grad(z):
    return np.heaviside(z, 0.0)
