"""Draws each batch's indices with replacement: an epoch repeats some samples and misses others.

Student: This is what comes out when each mini-batch is drawn with replacement, not from a shuffle.
"""
def sgd_linear_regression(Xb, y, batch_size, lr, n_epochs, seed):
    rng = np.random.default_rng(seed)
    m, n_params = Xb.shape
    theta = np.zeros(n_params)
    path = [theta]
    for epoch in range(n_epochs):
        for start in range(0, m, batch_size):
            batch = rng.integers(0, m, size=min(batch_size, m - start))
            theta = theta - lr * 2 / len(batch) * Xb[batch].T @ (Xb[batch] @ theta - y[batch])
            path.append(theta)
    return theta, np.array(path)
