"""Perturbs the caller's x in place and never puts the old value back (each entry ends at old - h).

Student: This matches a version that nudges the caller's x and never puts the old values back.
"""
def gradient_check(f, x, analytic_grad, h=1e-5):
    numeric = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        f_plus = f(x)
        x[i] = old - h
        f_minus = f(x)
        numeric[i] = (f_plus - f_minus) / (2 * h)
    a = np.asarray(analytic_grad, dtype=np.float64)
    return float(np.max(np.abs(a - numeric) / np.maximum(1e-8, np.abs(a) + np.abs(numeric))))
