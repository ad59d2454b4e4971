"""Caches (W, X, b) instead of (X, W, b)."""
def linear_forward(X, W, b):
    return X @ W + b, (W, X, b)
