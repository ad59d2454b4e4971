"""Collects copies in a list and stacks them at the end."""
def gradient_descent(grad, x0, lr, n_steps):
    x = np.asarray(x0).astype(float)
    points = [x.copy()]
    for _ in range(n_steps):
        x = x - lr * np.asarray(grad(x))
        points.append(x.copy())
    return np.stack(points)
