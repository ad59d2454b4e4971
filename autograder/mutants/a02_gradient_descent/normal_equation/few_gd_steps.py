"""Runs a fixed 2000 steps of gradient descent instead of solving: near, not at, the answer on unscaled data.

Student: This is what comes out when a fixed number of gradient descent steps replaces the solve.
"""
def normal_equation(Xb, y):
    theta = np.zeros(Xb.shape[1])
    lr = 1.0 / np.linalg.eigvalsh(2.0 / len(y) * Xb.T @ Xb).max()
    for _ in range(2000):
        theta = theta - lr * 2.0 / len(y) * Xb.T @ (Xb @ theta - y)
    return theta
