"""Forgets the bias: returns X @ w."""
def predict(X, w, b):
    return X @ w
