"""Uses the sample standard deviation (ddof=1, divide by m - 1) instead of the population one."""
def standardize_fit(X):
    return X.mean(axis=0), X.std(axis=0, ddof=1)
