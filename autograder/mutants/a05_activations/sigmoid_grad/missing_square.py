"""e / (1 + e) instead of e / (1 + e)^2."""
def sigmoid_grad(z):
    e = np.exp(-np.abs(z))
    return e / (1.0 + e)
