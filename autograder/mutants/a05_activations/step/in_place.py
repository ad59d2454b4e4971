"""Overwrites the input array with the result.

Student: This matches a version that overwrites z itself with the result, changing the input.
"""
def step(z):
    z[...] = (z > 0)
    return z
