"""Writes the mask into the input array."""
def relu_grad(z):
    z[...] = z > 0
    return z
