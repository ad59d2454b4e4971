"""np.heaviside then cast to int."""
def perceptron(X, w, b):
    return np.heaviside(X @ w + b, 0).astype(int)
