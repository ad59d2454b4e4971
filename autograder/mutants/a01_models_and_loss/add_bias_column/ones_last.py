"""Appends the column of ones at the end instead of the front.

Student: This is what comes out when the column of ones is added after the last feature.
"""
def add_bias_column(X):
    return np.hstack([X, np.ones((X.shape[0], 1))])
