"""Powers of |x|: odd powers of negative inputs get the wrong sign.

Student: This is what comes out when powers are taken of x with its sign dropped.
"""
def polynomial_features(x, degree):
    x = np.abs(np.asarray(x, dtype=float))
    return np.column_stack([np.ones(len(x))] + [x ** k for k in range(1, degree + 1)])
