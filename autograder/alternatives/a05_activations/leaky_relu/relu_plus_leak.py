"""max(0, z) + alpha * min(0, z)."""
def leaky_relu(z, alpha=0.01):
    return np.maximum(z, 0.0) + alpha * np.minimum(z, 0.0)
