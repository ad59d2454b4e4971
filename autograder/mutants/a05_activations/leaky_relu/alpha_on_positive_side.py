"""Scales the positive side by alpha instead of the negative one."""
def leaky_relu(z, alpha=0.01):
    return np.where(z > 0, alpha * z, z)
