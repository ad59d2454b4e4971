"""np.maximum(z, alpha * z), valid for 0 <= alpha < 1."""
def leaky_relu(z, alpha=0.01):
    return np.maximum(z, alpha * z)
