"""Divides by hi instead of hi - lo."""
def minmax_apply(X, lo, hi):
    return (X - lo) / np.where(hi != 0, hi, 1.0)
