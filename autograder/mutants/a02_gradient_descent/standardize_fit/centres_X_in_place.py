"""Centres the caller's X in place (X -= mean) on the way to the std."""
def standardize_fit(X):
    mean = X.mean(axis=0)
    X -= mean
    return mean, np.sqrt(np.mean(X ** 2, axis=0))
