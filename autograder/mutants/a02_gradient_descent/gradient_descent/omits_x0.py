"""Returns only the n_steps updated points: the start x0 is missing.

Student: This is what comes out when the path holds only the updated points, without x0.
"""
def gradient_descent(grad, x0, lr, n_steps):
    x = np.array(x0, dtype=float)
    path = []
    for _ in range(n_steps):
        x = x - lr * grad(x)
        path.append(x)
    return np.array(path)
