"""Always uses the step 1e-5, ignoring the argument h.

Student: This is what comes out when a fixed step is used and the h argument is ignored.
"""
def gradient_check(f, x, analytic_grad, h=1e-5):
    step = 1e-5
    x = np.array(x, dtype=np.float64)
    numeric = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + step
        f_plus = f(x)
        x[i] = old - step
        f_minus = f(x)
        x[i] = old
        numeric[i] = (f_plus - f_minus) / (2 * step)
    a = np.asarray(analytic_grad, dtype=np.float64)
    return float(np.max(np.abs(a - numeric) / np.maximum(1e-8, np.abs(a) + np.abs(numeric))))
