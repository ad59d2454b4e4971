"""Subtracts the bias (a threshold sign error).

Student: This is what comes out when the bias is subtracted from the weighted sum.
"""
def perceptron(X, w, b):
    return (X @ w - b > 0).astype(int)
