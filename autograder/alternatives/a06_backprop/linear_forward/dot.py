"""np.dot instead of the @ operator."""
def linear_forward(X, W, b):
    out = np.dot(X, W) + b
    return out, (X, W, b)
