"""sigma(z) sigma(-z) with stable sigmoids from logaddexp."""
def sigmoid_grad(z):
    return np.exp(-np.logaddexp(0.0, -z) - np.logaddexp(0.0, z))
