"""Two explicit loops over samples and features."""
def predict(X, w, b):
    m, n = X.shape
    y_hat = np.zeros(m)
    for i in range(m):
        total = b
        for j in range(n):
            total += X[i, j] * w[j]
        y_hat[i] = total
    return y_hat
