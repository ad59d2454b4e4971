"""Returns the sets in the order (validation, train, test) instead of (train, validation, test).

Student: This is what comes out when the validation set is returned before the training set.
"""
def train_val_test_split(X, y, val_frac, test_frac, seed):
    m = len(X)
    n_val = round(m * val_frac)
    n_test = round(m * test_frac)
    order = np.random.default_rng(seed).permutation(m)
    val, test, train = order[:n_val], order[n_val:n_val + n_test], order[n_val + n_test:]
    return X[val], y[val], X[train], y[train], X[test], y[test]
