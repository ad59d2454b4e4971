"""Always uses the step 1e-5, whatever h is passed.

Student: This is what comes out when a fixed step is used, whatever h is passed.
"""
def numerical_gradient(f, x, h=1e-5):
    step = 1e-5
    x = np.array(x, dtype=float)
    grad = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + step
        f_plus = f(x)
        x[idx] = old - step
        f_minus = f(x)
        x[idx] = old
        grad[idx] = (f_plus - f_minus) / (2 * step)
    return grad
