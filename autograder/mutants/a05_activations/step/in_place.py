"""Overwrites the input array with the result."""
def step(z):
    z[...] = (z > 0)
    return z
