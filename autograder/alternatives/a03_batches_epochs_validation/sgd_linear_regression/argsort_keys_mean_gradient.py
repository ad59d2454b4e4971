"""argsort of random keys for the order; gradient as the mean of per-sample gradients; copies in the path."""
def sgd_linear_regression(Xb, y, batch_size, lr, n_epochs, seed):
    rng = np.random.default_rng(seed)
    theta = np.zeros(Xb.shape[1])
    path = [theta.copy()]
    for _ in range(n_epochs):
        order = np.argsort(rng.random(len(y)))
        for batch in np.split(order, range(batch_size, len(y), batch_size)):
            residual = Xb[batch] @ theta - y[batch]
            theta -= lr * np.mean(2 * residual[:, None] * Xb[batch], axis=0)
            path.append(theta.copy())
    return theta.copy(), np.vstack(path)
