"""Returns booleans, not integers.

Student: This matches a version that returns the comparison's True/False values, not integers.
"""
def perceptron(X, w, b):
    return X @ w + b > 0
