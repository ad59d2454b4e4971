"""Copies theta0 and updates the copy in place; losses preallocated."""
def fit_linear_gd(Xb, y, lr, n_steps, theta0=None):
    theta = np.zeros(Xb.shape[1]) if theta0 is None else theta0.astype(float).copy()
    losses = np.empty(n_steps + 1)
    losses[0] = np.mean(np.square(Xb @ theta - y))
    for k in range(1, n_steps + 1):
        theta -= lr * 2 * Xb.T.dot(Xb @ theta - y) / len(y)
        losses[k] = np.mean(np.square(Xb @ theta - y))
    return theta, losses
