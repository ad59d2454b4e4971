"""Forgets the bias: out = X @ W."""
def linear_forward(X, W, b):
    return X @ W, (X, W, b)
