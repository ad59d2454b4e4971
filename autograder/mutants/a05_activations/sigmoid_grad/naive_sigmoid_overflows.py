"""s (1 - s) with the naive sigmoid: exp overflows and warns for large negative z."""
def sigmoid_grad(z):
    s = 1.0 / (1.0 + np.exp(-z))
    return s * (1.0 - s)
