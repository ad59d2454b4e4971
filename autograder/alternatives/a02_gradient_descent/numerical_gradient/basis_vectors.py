"""Builds each nudge as a separate array h·e_j (no in-place edits at all)."""
def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    grad = np.empty(x.shape)
    for k in range(x.size):
        e = np.zeros(x.size)
        e[k] = h
        e = e.reshape(x.shape)
        grad.flat[k] = (f(x + e) - f(x - e)) / (2 * h)
    return grad
