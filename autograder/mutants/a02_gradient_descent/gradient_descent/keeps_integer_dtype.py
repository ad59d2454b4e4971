"""Allocates the path with x0's dtype: an integer start truncates every iterate.

Student: This is what comes out when an integer x0 makes the path store whole numbers only.
"""
def gradient_descent(grad, x0, lr, n_steps):
    path = np.zeros((n_steps + 1, *np.shape(x0)), dtype=np.asarray(x0).dtype)
    x = x0
    path[0] = x
    for k in range(n_steps):
        x = x - lr * grad(x)
        path[k + 1] = x
    return path
