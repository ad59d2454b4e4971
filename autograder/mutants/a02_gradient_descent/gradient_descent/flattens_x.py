"""Flattens the iterates: shape (n_steps + 1, x0.size) instead of (n_steps + 1, *x0.shape).

Student: This is what comes out when each iterate is flattened into one row, losing x0's shape.
"""
def gradient_descent(grad, x0, lr, n_steps):
    x = np.array(x0, dtype=float)
    path = np.zeros((n_steps + 1, x.size))
    path[0] = x.ravel()
    for k in range(n_steps):
        x = x - lr * grad(x)
        path[k + 1] = x.ravel()
    return path
