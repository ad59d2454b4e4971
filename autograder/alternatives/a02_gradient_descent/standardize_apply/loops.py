"""Element by element, with an explicit zero for a zero std."""
def standardize_apply(X, mean, std):
    m, n = X.shape
    Z = np.zeros((m, n))
    for i in range(m):
        for j in range(n):
            Z[i, j] = 0.0 if std[j] == 0 else (X[i, j] - mean[j]) / std[j]
    return Z
