"""Caches (W, X, b) instead of (X, W, b).

Student: This matches a version that puts W before X in the cache, in the wrong order.
"""
def linear_forward(X, W, b):
    return X @ W + b, (W, X, b)
