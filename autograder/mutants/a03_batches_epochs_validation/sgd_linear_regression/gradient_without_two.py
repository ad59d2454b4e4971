"""Gradient (1/|B|)·X_Bᵀ(X_Bθ − y_B): the factor 2 of the MSE's derivative is missing.

Student: This is what comes out when the mini-batch gradient drops the factor from the square.
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
            theta = theta - lr / len(batch) * Xb[batch].T @ (Xb[batch] @ theta - y[batch])
            path.append(theta)
    return theta, np.array(path)
