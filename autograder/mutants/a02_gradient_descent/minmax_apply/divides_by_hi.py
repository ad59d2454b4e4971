"""Divides by hi instead of hi - lo.

Student: This is what comes out when X minus lo is divided by hi alone.
"""
def minmax_apply(X, lo, hi):
    return (X - lo) / np.where(hi != 0, hi, 1.0)
