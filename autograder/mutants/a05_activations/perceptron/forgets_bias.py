"""Ignores the bias b."""
def perceptron(X, w, b):
    return (X @ w > 0).astype(int)
