"""Casts the result to integers.

Student: This is what comes out when the result is turned into whole numbers, losing the fractions.
"""
def relu(z):
    return np.maximum(z, 0).astype(int)
