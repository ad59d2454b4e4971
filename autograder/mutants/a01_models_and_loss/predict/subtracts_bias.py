"""Subtracts the bias instead of adding it.

Student: This is what comes out when the bias b is subtracted instead of added.
"""
def predict(X, w, b):
    return X @ w - b
