"""Updates x0 itself in place (x -= ...), so the caller's start point is lost.

Student: This matches a version that changes the caller's x0 while taking the steps.
"""
def gradient_descent(grad, x0, lr, n_steps):
    x = x0
    path = np.zeros((n_steps + 1, *np.shape(x0)))
    path[0] = x
    for k in range(n_steps):
        x -= lr * grad(x)
        path[k + 1] = x
    return path
