"""Divides by |a| + |n| without the 1e-8 floor: 0 / 0 = nan where both gradients are 0.

Student: This is what comes out when the denominator has no floor, so zero over zero gives nan.
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
    return float(np.max(np.abs(a - numeric) / (np.abs(a) + np.abs(numeric))))
