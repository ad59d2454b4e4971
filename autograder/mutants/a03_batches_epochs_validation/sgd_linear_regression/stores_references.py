"""Updates theta in place and appends the same array each time: every row of the path is the final theta.

Student: This is what comes out when theta is changed in place, so every row shows the final theta.
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
            theta -= lr * 2 / len(batch) * Xb[batch].T @ (Xb[batch] @ theta - y[batch])
            path.append(theta)
    return theta, np.array(path)
