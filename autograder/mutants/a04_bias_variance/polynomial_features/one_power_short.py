"""np.arange(degree) stops one power short: columns x^0 .. x^(d-1).

Student: This is what comes out when the powers stop one short of the degree.
"""
def polynomial_features(x, degree):
    x = np.asarray(x, dtype=float)
    return x[:, None] ** np.arange(degree)
