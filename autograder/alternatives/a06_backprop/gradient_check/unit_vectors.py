"""Builds x + h e_i and x - h e_i as new arrays from a flat unit vector; x is never written."""
def gradient_check(f, x, analytic_grad, h=1e-5):
    x = np.asarray(x, dtype=np.float64)
    numeric = np.zeros(x.size)
    for j in range(x.size):
        e = np.zeros(x.size)
        e[j] = h
        e = e.reshape(x.shape)
        numeric[j] = (f(x + e) - f(x - e)) / (2 * h)
    a = np.asarray(analytic_grad, dtype=np.float64).reshape(-1)
    rel = np.abs(a - numeric) / np.maximum(1e-8, np.abs(a) + np.abs(numeric))
    return float(rel.max())
