"""Multiplies in the wrong order, w @ X (runs on the 3x3 houses, wrong numbers)."""
def predict(X, w, b):
    return w @ X + b
