"""sigma(z) = (1 + tanh(z / 2)) / 2: never overflows."""
def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))
