"""Zeroes the negative entries of z in place and returns z itself."""
def relu_forward(z):
    z[z < 0] = 0.0
    return z, z
