"""Allocates the gradient with np.zeros_like(x): an integer x gives a truncated integer gradient.

Student: This is what comes out when an integer x gives a gradient of whole numbers only.
"""
def numerical_gradient(f, x, h=1e-5):
    grad = np.zeros_like(x)
    x = np.array(x, dtype=float)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        f_plus = f(x)
        x[idx] = old - h
        f_minus = f(x)
        x[idx] = old
        grad[idx] = (f_plus - f_minus) / (2 * h)
    return grad
