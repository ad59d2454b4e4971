"""Steps with (1/m)·Xbᵀ(Xb·theta - y): half the gradient (still converges, along another path).

Student: This is what comes out when the update drops the factor from the square in the MSE.
"""
def fit_linear_gd(Xb, y, lr, n_steps, theta0=None):
    m = Xb.shape[0]
    theta = np.zeros(Xb.shape[1]) if theta0 is None else np.array(theta0, dtype=float)
    losses = [np.mean((Xb @ theta - y) ** 2)]
    for _ in range(n_steps):
        theta = theta - lr * (1.0 / m) * Xb.T @ (Xb @ theta - y)
        losses.append(np.mean((Xb @ theta - y) ** 2))
    return theta, np.array(losses)
