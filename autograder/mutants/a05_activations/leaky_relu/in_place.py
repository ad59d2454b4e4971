"""Scales the negative entries of the input array in place.

Student: This matches a version that scales the negative entries of z itself, changing the input.
"""
def leaky_relu(z, alpha=0.01):
    z[z < 0] *= alpha
    return z
