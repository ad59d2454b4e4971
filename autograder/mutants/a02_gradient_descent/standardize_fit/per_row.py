"""Averages along axis=1: one mean and std per sample (row) instead of per feature.

Student: This is what comes out when the mean and std are computed along each row, one per sample.
"""
def standardize_fit(X):
    return X.mean(axis=1), X.std(axis=1)
