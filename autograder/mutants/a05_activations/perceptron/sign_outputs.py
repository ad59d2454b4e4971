"""np.sign: -1 / 0 / 1 instead of 0 / 1."""
def perceptron(X, w, b):
    return np.sign(X @ w + b).astype(int)
