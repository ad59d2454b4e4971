"""Divides by the sum over the whole array, not per row.

Student: This is what comes out when the exponentials are divided by the total of the whole array.
"""
def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e)
