"""Forgets the bias: out = X @ W.

Student: This is what comes out when the bias b is left out of the output.
"""
def linear_forward(X, W, b):
    return X @ W, (X, W, b)
