"""Draws the validation and test sets independently: they can overlap, and train is the rest of the first draw.

Student: This is what comes out when validation and test are drawn separately, so they can overlap.
"""
def train_val_test_split(X, y, val_frac, test_frac, seed):
    m = len(X)
    n_val = round(m * val_frac)
    n_test = round(m * test_frac)
    rng = np.random.default_rng(seed)
    first = rng.permutation(m)
    second = rng.permutation(m)
    val, train = first[:n_val], first[n_val + n_test:]
    test = second[:n_test]
    return X[train], y[train], X[val], y[val], X[test], y[test]
