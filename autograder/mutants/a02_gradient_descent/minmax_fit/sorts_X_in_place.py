"""Sorts the caller's X in place to read off the ends.

Student: This matches a version that sorts the caller's X to read off the ends.
"""
def minmax_fit(X):
    X.sort(axis=0)
    return X[0].copy(), X[-1].copy()
