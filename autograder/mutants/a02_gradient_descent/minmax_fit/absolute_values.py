"""Takes min and max of |X|: wrong as soon as a feature has negative values.

Student: This is what comes out when minus signs are dropped before taking the min and max.
"""
def minmax_fit(X):
    return np.abs(X).min(axis=0), np.abs(X).max(axis=0)
