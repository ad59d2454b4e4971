"""Divides by batch_size even for the last, smaller batch (and by batch_size > m for batch GD).

Student: This is what comes out when the smaller last batch is still divided by batch_size.
"""
def sgd_linear_regression(Xb, y, batch_size, lr, n_epochs, seed):
    rng = np.random.default_rng(seed)
    m, n_params = Xb.shape
    theta = np.zeros(n_params)
    path = [theta]
    for epoch in range(n_epochs):
        order = rng.permutation(m)
        for start in range(0, m, batch_size):
            batch = order[start:start + batch_size]
            theta = theta - lr * 2 / batch_size * Xb[batch].T @ (Xb[batch] @ theta - y[batch])
            path.append(theta)
    return theta, np.array(path)
