"""Normalises the shifted scores without exponentiating.

Student: This is what comes out when the scores are normalised without taking exponentials.
"""
def softmax(z):
    s = z - np.min(z, axis=-1, keepdims=True) + 1e-12
    return s / np.sum(s, axis=-1, keepdims=True)
