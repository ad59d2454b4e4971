"""Python's min and max per column."""
def minmax_fit(X):
    cols = X.T.tolist()
    return np.array([min(c) for c in cols], dtype=float), np.array([max(c) for c in cols], dtype=float)
