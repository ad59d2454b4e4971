"""Returns the mean relative error over the entries instead of the largest.

Student: This is what comes out when the relative errors are averaged, not reduced to the largest.
"""
def gradient_check(f, x, analytic_grad, h=1e-5):
    x = np.array(x, dtype=np.float64)
    numeric = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        f_plus = f(x)
        x[i] = old - h
        f_minus = f(x)
        x[i] = old
        numeric[i] = (f_plus - f_minus) / (2 * h)
    a = np.asarray(analytic_grad, dtype=np.float64)
    return float(np.mean(np.abs(a - numeric) / np.maximum(1e-8, np.abs(a) + np.abs(numeric))))
