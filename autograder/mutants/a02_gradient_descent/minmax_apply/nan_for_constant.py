"""Divides by hi - lo as it is: a constant column becomes nan (0 / 0), with a warning."""
def minmax_apply(X, lo, hi):
    return (X - lo) / (hi - lo)
