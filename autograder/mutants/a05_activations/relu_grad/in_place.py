"""Writes the mask into the input array.

Student: This matches a version that writes the 0/1 result into z itself, changing the input.
"""
def relu_grad(z):
    z[...] = z > 0
    return z
