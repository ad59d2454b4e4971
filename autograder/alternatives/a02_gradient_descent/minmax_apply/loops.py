"""Element by element."""
def minmax_apply(X, lo, hi):
    m, n = X.shape
    S = np.zeros((m, n))
    for i in range(m):
        for j in range(n):
            span = hi[j] - lo[j]
            S[i, j] = (X[i, j] - lo[j]) / span if span > 0 else 0.0
    return S
