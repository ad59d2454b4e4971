"""Default alpha 0.1 instead of 0.01."""
def leaky_relu(z, alpha=0.1):
    return np.where(z > 0, z, alpha * z)
