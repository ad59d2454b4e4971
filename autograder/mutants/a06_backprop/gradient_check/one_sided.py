"""One-sided differences (f(x + h) - f(x)) / h: error O(h) instead of O(h^2).

Student: This is what comes out when one-sided differences are used, whose error is of order h.
"""
def gradient_check(f, x, analytic_grad, h=1e-5):
    x = np.array(x, dtype=np.float64)
    numeric = np.zeros_like(x)
    f0 = f(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        numeric[i] = (f(x) - f0) / h
        x[i] = old
    a = np.asarray(analytic_grad, dtype=np.float64)
    return float(np.max(np.abs(a - numeric) / np.maximum(1e-8, np.abs(a) + np.abs(numeric))))
