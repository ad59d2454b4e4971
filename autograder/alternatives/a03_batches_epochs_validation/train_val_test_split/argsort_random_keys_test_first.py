"""argsort of random keys; cuts test first, then validation; int(x + 0.5) sizes (no ties in the tests)."""
def train_val_test_split(X, y, val_frac, test_frac, seed):
    m = len(y)
    order = np.argsort(np.random.default_rng(seed).random(m))
    n_test = int(m * test_frac + 0.5)
    n_val = int(m * val_frac + 0.5)
    test = order[:n_test]
    val = order[n_test:n_test + n_val]
    train = order[n_test + n_val:]
    return X[train].copy(), y[train].copy(), X[val].copy(), y[val].copy(), X[test].copy(), y[test].copy()
