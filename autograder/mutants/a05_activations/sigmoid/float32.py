"""Computes in float32: the result has the wrong dtype and only 7 digits."""
def sigmoid(z):
    z32 = z.astype(np.float32)
    e = np.exp(-np.abs(z32))
    return np.where(z32 >= 0, 1 / (1 + e), e / (1 + e))
