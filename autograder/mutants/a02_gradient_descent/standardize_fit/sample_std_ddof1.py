"""Uses the sample standard deviation (ddof=1, divide by m - 1) instead of the population one.

Student: This is what comes out when the sample standard deviation is used, dividing by m minus 1.
"""
def standardize_fit(X):
    return X.mean(axis=0), X.std(axis=0, ddof=1)
