"""Transforms the caller's X in place and returns it.

Student: This matches a version that scales the caller's X itself and returns it.
"""
def minmax_apply(X, lo, hi):
    X -= lo
    X /= np.where(hi > lo, hi - lo, 1.0)
    return X
