"""rng.shuffle of an index array, then np.split at the two cut points."""
def train_val_test_split(X, y, val_frac, test_frac, seed):
    m = X.shape[0]
    idx = np.arange(m)
    np.random.default_rng(seed).shuffle(idx)
    n_val, n_test = round(m * val_frac), round(m * test_frac)
    val, test, train = np.split(idx, [n_val, n_val + n_test])
    return X[train], y[train], X[val], y[val], X[test], y[test]
