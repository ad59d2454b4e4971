"""A Python loop."""
def leaky_relu(z, alpha=0.01):
    return np.array([v if v > 0 else alpha * v for v in z.reshape(-1).tolist()], dtype=float).reshape(z.shape)
