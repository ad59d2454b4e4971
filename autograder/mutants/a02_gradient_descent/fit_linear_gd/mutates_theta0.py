"""Updates the caller's theta0 in place (theta -= ...).

Student: This matches a version that updates the caller's theta0 itself during training.
"""
def fit_linear_gd(Xb, y, lr, n_steps, theta0=None):
    m = Xb.shape[0]
    theta = np.zeros(Xb.shape[1]) if theta0 is None else theta0
    losses = [np.mean((Xb @ theta - y) ** 2)]
    for _ in range(n_steps):
        theta -= lr * (2.0 / m) * Xb.T @ (Xb @ theta - y)
        losses.append(np.mean((Xb @ theta - y) ** 2))
    return theta, np.array(losses)
