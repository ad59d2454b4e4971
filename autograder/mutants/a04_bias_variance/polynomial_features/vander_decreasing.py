"""np.vander's default order: columns x^d .. x^0, highest power first."""
def polynomial_features(x, degree):
    return np.vander(np.asarray(x, dtype=float), degree + 1)
