"""Per-parameter loops for the gradient, a Python list of losses converted at the end."""
def fit_linear_gd(Xb, y, lr, n_steps, theta0=None):
    m, p = Xb.shape
    theta = [0.0] * p if theta0 is None else [float(t) for t in theta0]
    def loss(t):
        return sum((sum(Xb[i, j] * t[j] for j in range(p)) - y[i]) ** 2 for i in range(m)) / m
    losses = [loss(theta)]
    for _ in range(n_steps):
        r = [sum(Xb[i, j] * theta[j] for j in range(p)) - y[i] for i in range(m)]
        g = [2.0 / m * sum(r[i] * Xb[i, j] for i in range(m)) for j in range(p)]
        theta = [theta[j] - lr * g[j] for j in range(p)]
        losses.append(loss(theta))
    return np.array(theta, dtype=float), np.array(losses, dtype=float)
