"""np.divide with where= and out=: columns with std 0 stay at 0."""
def standardize_apply(X, mean, std):
    centred = np.asarray(X, dtype=float) - mean
    std = np.broadcast_to(np.asarray(std, dtype=float), centred.shape)
    return np.divide(centred, std, out=np.zeros_like(centred), where=std != 0)
