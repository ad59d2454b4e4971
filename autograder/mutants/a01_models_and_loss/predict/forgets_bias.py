"""Forgets the bias: returns X @ w.

Student: This is what comes out when the bias b is left out of the prediction.
"""
def predict(X, w, b):
    return X @ w
