"""Loops n_steps + 1 times: one update too many, n_steps + 2 rows.

Student: This is what comes out when the loop takes one update more than n_steps.
"""
def gradient_descent(grad, x0, lr, n_steps):
    x = np.array(x0, dtype=float)
    path = [x]
    for _ in range(n_steps + 1):
        x = x - lr * grad(x)
        path.append(x)
    return np.array(path)
