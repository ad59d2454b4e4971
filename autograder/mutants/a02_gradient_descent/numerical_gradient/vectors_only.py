"""Loops over range(len(x)) and nudges x[i]: a whole row at once when x is a matrix.

Student: This is what comes out when a whole row of a matrix x is nudged at once.
"""
def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros(x.shape)
    for i in range(len(x)):
        old = x[i].copy()
        x[i] = old + h
        f_plus = f(x)
        x[i] = old - h
        f_minus = f(x)
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad
