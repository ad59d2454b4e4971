"""exp(z) / (1 + exp(z)): inf / inf = nan for large positive z."""
def sigmoid(z):
    return np.exp(z) / (1.0 + np.exp(z))
