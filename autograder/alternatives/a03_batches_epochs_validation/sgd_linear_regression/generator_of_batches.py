"""A nested helper that yields the batches of each epoch from one generator made from seed."""
def sgd_linear_regression(Xb, y, batch_size, lr, n_epochs, seed):
    rng = np.random.default_rng(seed)

    def batches(m):
        order = rng.permutation(m)
        for start in range(0, m, batch_size):
            yield order[start:start + batch_size]

    theta = np.zeros(Xb.shape[1], dtype=np.float64)
    path = [theta]
    for _ in range(n_epochs):
        for B in batches(Xb.shape[0]):
            theta = theta - (2.0 * lr / B.size) * (Xb[B].T @ (Xb[B] @ theta - y[B]))
            path.append(theta)
    return theta, np.stack(path)
