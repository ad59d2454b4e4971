"""Updates a private copy in place (x -= ...) and writes each iterate into a preallocated array."""
def gradient_descent(grad, x0, lr, n_steps):
    x = x0.astype(np.float64, copy=True)
    path = np.empty((n_steps + 1,) + x.shape, dtype=np.float64)
    path[0] = x
    for k in range(1, n_steps + 1):
        x -= lr * grad(x)
        path[k] = x
    return path
