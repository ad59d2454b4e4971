"""Subtracts the bias (a threshold sign error)."""
def perceptron(X, w, b):
    return (X @ w - b > 0).astype(int)
