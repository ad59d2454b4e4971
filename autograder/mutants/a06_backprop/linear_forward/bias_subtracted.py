"""Subtracts the bias instead of adding it."""
def linear_forward(X, W, b):
    return X @ W - b, (X, W, b)
