"""Appends the same array object every step and updates it in place: every row ends up the last point.

Student: This is what comes out when one point is edited in place each step, so all rows end equal.
"""
def gradient_descent(grad, x0, lr, n_steps):
    x = np.array(x0, dtype=float)
    path = [x]
    for _ in range(n_steps):
        x -= lr * grad(x)
        path.append(x)
    return np.array(path)
