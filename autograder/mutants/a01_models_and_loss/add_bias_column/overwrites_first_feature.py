"""Overwrites the first feature with ones, in place, instead of adding a column.

Student: This is what comes out when the first feature of X is overwritten with ones.
"""
def add_bias_column(X):
    X[:, 0] = 1.0
    return X
