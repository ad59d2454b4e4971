"""Shuffles the caller's X and y in place (same seed, so still paired) before cutting.

Student: This matches a version that shuffles the caller's X and y themselves before cutting.
"""
def train_val_test_split(X, y, val_frac, test_frac, seed):
    m = len(X)
    n_val = round(m * val_frac)
    n_test = round(m * test_frac)
    np.random.default_rng(seed).shuffle(X)
    np.random.default_rng(seed).shuffle(y)
    a, b = n_val, n_val + n_test
    return X[b:].copy(), y[b:].copy(), X[:a].copy(), y[:a].copy(), X[a:b].copy(), y[a:b].copy()
