"""Subtracts the max from the input array in place.

Student: This matches a version that subtracts the maximum from z itself, changing the input.
"""
def softmax(z):
    z -= np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)
