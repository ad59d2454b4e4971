"""Sums over all samples too: returns one number instead of one prediction per sample.

Student: This is what comes out when the weighted features of all samples add up to one number.
"""
def predict(X, w, b):
    return np.sum(X * w) + b
