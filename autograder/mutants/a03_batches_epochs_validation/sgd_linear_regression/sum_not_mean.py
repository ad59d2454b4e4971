"""Sums the batch's gradients instead of averaging them (no division by |B|).

Student: This is what comes out when the mini-batch gradient is summed over samples, not averaged.
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
            theta = theta - lr * 2 * Xb[batch].T @ (Xb[batch] @ theta - y[batch])
            path.append(theta)
    return theta, np.array(path)
