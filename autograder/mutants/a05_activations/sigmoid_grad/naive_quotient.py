"""exp(-z) / (1 + exp(-z))^2 directly: inf / inf = nan for large negative z."""
def sigmoid_grad(z):
    return np.exp(-z) / (1.0 + np.exp(-z)) ** 2
