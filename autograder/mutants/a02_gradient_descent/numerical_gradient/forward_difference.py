"""Uses the forward difference (f(x + h) - f(x)) / h, accurate only to about h.

Student: This is what comes out when a one-sided forward difference is used.
"""
def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros(x.shape)
    f0 = f(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        grad[idx] = (f(x) - f0) / h
        x[idx] = old
    return grad
