"""s (1 - s) with s = (1 + tanh(z / 2)) / 2."""
def sigmoid_grad(z):
    s = 0.5 * (1.0 + np.tanh(0.5 * z))
    return s * (1.0 - s)
