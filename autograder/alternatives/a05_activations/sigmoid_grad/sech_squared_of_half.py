"""0.25 (1 - tanh^2(z / 2))."""
def sigmoid_grad(z):
    return 0.25 * (1.0 - np.tanh(0.5 * z) ** 2)
