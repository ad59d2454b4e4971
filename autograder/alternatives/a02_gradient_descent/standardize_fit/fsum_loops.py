"""Column loops with math.fsum; a constant column gets std 1, as scikit-learn's scale_."""
def standardize_fit(X):
    m, n = X.shape
    means, stds = [], []
    for j in range(n):
        col = [float(v) for v in X[:, j]]
        mu = math.fsum(col) / m
        sd = math.sqrt(math.fsum((v - mu) ** 2 for v in col) / m)
        means.append(mu)
        stds.append(sd if sd > 0 else 1.0)
    return np.array(means), np.array(stds)
