"""Returns sigma(z) itself, not its derivative.

Student: This is what comes out when the sigmoid itself is returned instead of its derivative.
"""
def sigmoid_grad(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
