"""Subtracts the maximum of the whole array: rows far below it underflow to 0 / 0.

Student: This is what comes out when the whole array's maximum is subtracted: low rows underflow.
"""
def softmax(z):
    e = np.exp(z - np.max(z))
    return e / np.sum(e, axis=-1, keepdims=True)
