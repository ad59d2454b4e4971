"""Prepends a column of zeros: the bias then never counts.

Student: This is what comes out when the extra column is filled with zeros, so b never counts.
"""
def add_bias_column(X):
    return np.hstack([np.zeros((X.shape[0], 1)), X])
