"""Shuffles X and y with two different permutations: targets no longer belong to their rows.

Student: This is what comes out when X and y are shuffled in two different orders.
"""
def train_val_test_split(X, y, val_frac, test_frac, seed):
    m = len(X)
    n_val = round(m * val_frac)
    n_test = round(m * test_frac)
    rng = np.random.default_rng(seed)
    Xs = X[rng.permutation(m)]
    ys = y[rng.permutation(m)]
    a, b = n_val, n_val + n_test
    return Xs[b:], ys[b:], Xs[:a], ys[:a], Xs[a:b], ys[a:b]
