"""0.5 * (1 + tanh(z)): the identity needs tanh(z / 2)."""
def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(z))
