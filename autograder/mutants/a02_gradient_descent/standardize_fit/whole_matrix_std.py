"""One mean and std of all the numbers in X, repeated for every column.

Student: This is what comes out when one mean and std of all of X are repeated for every column.
"""
def standardize_fit(X):
    n = X.shape[1]
    return np.full(n, X.mean()), np.full(n, X.std())
