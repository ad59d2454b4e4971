"""Sizes with int(m * frac) (truncation) instead of round(m * frac).

Student: This is what comes out when fractional set sizes are always cut down to a whole number.
"""
def train_val_test_split(X, y, val_frac, test_frac, seed):
    m = len(X)
    n_val = int(m * val_frac)
    n_test = int(m * test_frac)
    order = np.random.default_rng(seed).permutation(m)
    val, test, train = order[:n_val], order[n_val:n_val + n_test], order[n_val + n_test:]
    return X[train], y[train], X[val], y[val], X[test], y[test]
