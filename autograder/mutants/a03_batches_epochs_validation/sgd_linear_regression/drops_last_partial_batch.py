"""Skips the last, smaller batch of every epoch.

Student: This is what comes out when the last, smaller mini-batch of each epoch is skipped.
"""
def sgd_linear_regression(Xb, y, batch_size, lr, n_epochs, seed):
    rng = np.random.default_rng(seed)
    m, n_params = Xb.shape
    theta = np.zeros(n_params)
    path = [theta]
    for epoch in range(n_epochs):
        order = rng.permutation(m)
        for start in range(0, m - batch_size + 1, batch_size):
            batch = order[start:start + batch_size]
            theta = theta - lr * 2 / len(batch) * Xb[batch].T @ (Xb[batch] @ theta - y[batch])
            path.append(theta)
    return theta, np.array(path)
