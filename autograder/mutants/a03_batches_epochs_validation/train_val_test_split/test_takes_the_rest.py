"""Gives the training set round(m * (1 - val_frac - test_frac)) rows and the test set the rest.

Student: This is what comes out when the training size is rounded and the test set gets the rest.
"""
def train_val_test_split(X, y, val_frac, test_frac, seed):
    m = len(X)
    n_val = round(m * val_frac)
    n_train = round(m * (1 - val_frac - test_frac))
    order = np.random.default_rng(seed).permutation(m)
    val, train, test = order[:n_val], order[n_val:n_val + n_train], order[n_val + n_train:]
    return X[train], y[train], X[val], y[val], X[test], y[test]
