"""Adds 1e-8 to every std to avoid division by zero (wrong for features on a small scale).

Student: This is what comes out when a tiny number is added to every std.
"""
def standardize_fit(X):
    return X.mean(axis=0), X.std(axis=0) + 1e-8
