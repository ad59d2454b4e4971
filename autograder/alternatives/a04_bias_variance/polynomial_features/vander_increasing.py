"""np.vander with increasing=True: columns x^0 .. x^d."""
def polynomial_features(x, degree):
    return np.vander(np.asarray(x, dtype=float), degree + 1, increasing=True)
