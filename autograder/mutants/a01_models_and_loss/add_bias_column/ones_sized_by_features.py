"""Sizes the ones column by the number of features, not samples (works only when m == n).

Student: This is what comes out when the column of ones is sized by the number of features n.
"""
def add_bias_column(X):
    return np.column_stack([np.ones(X.shape[1]), X])
