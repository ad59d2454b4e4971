"""Returns (min, max - min) instead of (min, max).

Student: This is what comes out when the second value returned is the range, max minus min.
"""
def minmax_fit(X):
    return X.min(axis=0), X.max(axis=0) - X.min(axis=0)
