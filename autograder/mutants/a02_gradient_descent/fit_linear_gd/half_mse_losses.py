"""Records half the MSE as the loss (the 1/2 convention) while stepping on the MSE.

Student: This is what comes out when half the MSE is recorded as the loss at each step.
"""
def fit_linear_gd(Xb, y, lr, n_steps, theta0=None):
    m = Xb.shape[0]
    theta = np.zeros(Xb.shape[1]) if theta0 is None else np.array(theta0, dtype=float)
    losses = [0.5 * np.mean((Xb @ theta - y) ** 2)]
    for _ in range(n_steps):
        theta = theta - lr * (2.0 / m) * Xb.T @ (Xb @ theta - y)
        losses.append(0.5 * np.mean((Xb @ theta - y) ** 2))
    return theta, np.array(losses)
