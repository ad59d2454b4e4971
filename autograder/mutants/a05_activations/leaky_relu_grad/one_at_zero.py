"""Uses >= : 1 at z = 0 instead of alpha."""
def leaky_relu_grad(z, alpha=0.01):
    return np.where(z >= 0, 1.0, alpha)
