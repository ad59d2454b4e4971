"""Scales the negative entries of the input array in place."""
def leaky_relu(z, alpha=0.01):
    z[z < 0] *= alpha
    return z
