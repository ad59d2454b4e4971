"""exp(-log(1 + exp(-z))) through np.logaddexp (an expit-style formula without scipy)."""
def sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -z))
