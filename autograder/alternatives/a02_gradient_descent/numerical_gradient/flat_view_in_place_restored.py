"""Works on a flat float copy in place, restoring each entry (the CS231n style)."""
def numerical_gradient(f, x, h=1e-5):
    shape = np.shape(x)
    flat = np.array(x, dtype=float).ravel()
    grad = []
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + h
        f_plus = f(flat.reshape(shape))
        flat[i] = old - h
        f_minus = f(flat.reshape(shape))
        flat[i] = old
        grad.append((f_plus - f_minus) / (2 * h))
    return np.array(grad, dtype=float).reshape(shape)
