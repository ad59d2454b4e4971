"""Cuts the rows in their stored order: validation is always the first rows, whatever the seed.

Student: This is what comes out when the rows are cut in their stored order, with no shuffle.
"""
def train_val_test_split(X, y, val_frac, test_frac, seed):
    m = len(X)
    n_val = round(m * val_frac)
    n_test = round(m * test_frac)
    a, b = n_val, n_val + n_test
    return X[b:], y[b:], X[:a], y[:a], X[a:b], y[a:b]
