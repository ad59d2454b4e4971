"""Subtracts the bias instead of adding it."""
def predict(X, w, b):
    return X @ w - b
