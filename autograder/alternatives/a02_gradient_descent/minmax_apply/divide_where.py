"""np.divide with where=: a zero span leaves 0."""
def minmax_apply(X, lo, hi):
    shifted = np.subtract(X, lo, dtype=float)
    span = np.broadcast_to(np.subtract(hi, lo, dtype=float), shifted.shape)
    return np.divide(shifted, span, out=np.zeros(shifted.shape), where=span > 0)
