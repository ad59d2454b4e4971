"""Returns (min, max - min) instead of (min, max)."""
def minmax_fit(X):
    return X.min(axis=0), X.max(axis=0) - X.min(axis=0)
