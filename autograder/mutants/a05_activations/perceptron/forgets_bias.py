"""Ignores the bias b.

Student: This is what comes out when the bias b is left out and only the weighted sum is compared.
"""
def perceptron(X, w, b):
    return (X @ w > 0).astype(int)
