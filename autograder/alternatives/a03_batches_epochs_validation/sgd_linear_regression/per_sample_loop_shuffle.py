"""rng.shuffle of an index array each epoch; the batch gradient accumulated sample by sample; a preallocated path."""
def sgd_linear_regression(Xb, y, batch_size, lr, n_epochs, seed):
    rng = np.random.default_rng(seed)
    m, n = Xb.shape
    per_epoch = math.ceil(m / batch_size)
    path = np.zeros((1 + n_epochs * per_epoch, n))
    theta = np.zeros(n)
    k = 0
    idx = np.arange(m)
    for _ in range(n_epochs):
        rng.shuffle(idx)
        for b in range(per_epoch):
            batch = idx[b * batch_size:(b + 1) * batch_size]
            grad = np.zeros(n)
            for i in batch:
                grad += 2 * (Xb[i] @ theta - y[i]) * Xb[i]
            theta = theta - lr * grad / len(batch)
            k += 1
            path[k] = theta
    return theta, path
