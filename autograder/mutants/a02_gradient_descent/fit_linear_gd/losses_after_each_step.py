"""Records the loss only after each update: losses[0] at theta_1, and n_steps entries.

Student: This is what comes out when the loss is recorded only after each update, not at the start.
"""
def fit_linear_gd(Xb, y, lr, n_steps, theta0=None):
    m = Xb.shape[0]
    theta = np.zeros(Xb.shape[1]) if theta0 is None else np.array(theta0, dtype=float)
    losses = []
    for _ in range(n_steps):
        theta = theta - lr * (2.0 / m) * Xb.T @ (Xb @ theta - y)
        losses.append(np.mean((Xb @ theta - y) ** 2))
    return theta, np.array(losses)
