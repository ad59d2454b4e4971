"""Subtracts the bias instead of adding it.

Student: This is what comes out when the bias is subtracted instead of added.
"""
def linear_forward(X, W, b):
    return X @ W - b, (X, W, b)
