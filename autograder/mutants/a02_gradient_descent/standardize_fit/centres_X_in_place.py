"""Centres the caller's X in place (X -= mean) on the way to the std.

Student: This matches a version that centres the caller's X itself on the way to the std.
"""
def standardize_fit(X):
    mean = X.mean(axis=0)
    X -= mean
    return mean, np.sqrt(np.mean(X ** 2, axis=0))
