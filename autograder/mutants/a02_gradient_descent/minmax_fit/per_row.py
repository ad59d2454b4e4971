"""Minimum and maximum of each row (axis=1) instead of each column."""
def minmax_fit(X):
    return X.min(axis=1), X.max(axis=1)
