"""Uses >= : points on the boundary give 1 instead of 0."""
def perceptron(X, w, b):
    return (X @ w + b >= 0).astype(int)
