"""Builds each column from the previous one by multiplying by x, in a loop."""
def polynomial_features(x, degree):
    x = np.array(x, dtype=float)
    Phi = np.ones((len(x), degree + 1))
    for k in range(1, degree + 1):
        Phi[:, k] = Phi[:, k - 1] * x
    return Phi
