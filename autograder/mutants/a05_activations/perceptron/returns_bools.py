"""Returns booleans, not integers."""
def perceptron(X, w, b):
    return X @ w + b > 0
