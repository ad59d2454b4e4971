"""Ignores the given lo and hi and uses X's own min and max (fits the scaler on the test data)."""
def minmax_apply(X, lo, hi):
    a, b = X.min(axis=0), X.max(axis=0)
    return (X - a) / np.where(b > a, b - a, 1.0)
