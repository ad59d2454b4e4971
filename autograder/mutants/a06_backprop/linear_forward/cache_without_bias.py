"""Caches only (X, W): linear_backward's cache needs the tuple (X, W, b).

Student: This matches a version that leaves the bias b out of the cache.
"""
def linear_forward(X, W, b):
    return X @ W + b, (X, W)
