"""Returns floats 0.0 / 1.0, not integers."""
def perceptron(X, w, b):
    return (X @ w + b > 0).astype(float)
