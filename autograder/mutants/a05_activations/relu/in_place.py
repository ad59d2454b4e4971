"""Zeroes the negative entries of the input array itself.

Student: This matches a version that zeroes the negative entries of z itself, changing the input.
"""
def relu(z):
    z[z < 0] = 0.0
    return z
