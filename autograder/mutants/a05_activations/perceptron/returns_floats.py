"""Returns floats 0.0 / 1.0, not integers.

Student: This matches a version that returns the decimal numbers 0.0 and 1.0 rather than integers.
"""
def perceptron(X, w, b):
    return (X @ w + b > 0).astype(float)
