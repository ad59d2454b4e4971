"""Minimum and maximum of each row (axis=1) instead of each column.

Student: This is what comes out when the min and max are taken along each row, one per sample.
"""
def minmax_fit(X):
    return X.min(axis=1), X.max(axis=1)
