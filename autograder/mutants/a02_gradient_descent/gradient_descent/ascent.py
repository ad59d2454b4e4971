"""Steps along the gradient (uphill): x + lr * grad(x).

Student: This is what comes out when each step moves along the gradient, uphill.
"""
def gradient_descent(grad, x0, lr, n_steps):
    x = np.array(x0, dtype=float)
    path = [x]
    for _ in range(n_steps):
        x = x + lr * grad(x)
        path.append(x)
    return np.array(path)
