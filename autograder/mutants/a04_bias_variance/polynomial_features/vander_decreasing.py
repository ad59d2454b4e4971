"""np.vander's default order: columns x^d .. x^0, highest power first.

Student: This is what comes out when the columns run from the highest power down.
"""
def polynomial_features(x, degree):
    return np.vander(np.asarray(x, dtype=float), degree + 1)
