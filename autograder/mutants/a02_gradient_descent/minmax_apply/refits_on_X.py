"""Ignores the given lo and hi and uses X's own min and max (fits the scaler on the test data).

Student: This is what comes out when lo and hi are ignored and X's own min and max are used.
"""
def minmax_apply(X, lo, hi):
    a, b = X.min(axis=0), X.max(axis=0)
    return (X - a) / np.where(b > a, b - a, 1.0)
