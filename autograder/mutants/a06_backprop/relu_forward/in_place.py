"""Zeroes the negative entries of z in place and returns z itself.

Student: This matches a version that zeroes the negative entries of z itself, changing the input.
"""
def relu_forward(z):
    z[z < 0] = 0.0
    return z, z
