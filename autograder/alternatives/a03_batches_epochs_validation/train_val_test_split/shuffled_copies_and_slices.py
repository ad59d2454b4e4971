"""Shuffles a stacked copy of [X, y] with rng.permutation on axis 0, then slices."""
def train_val_test_split(X, y, val_frac, test_frac, seed):
    m = len(X)
    data = np.column_stack([X, y])
    data = np.random.default_rng(seed).permutation(data, axis=0)
    n_val, n_test = round(m * val_frac), round(m * test_frac)
    a, b = n_val, n_val + n_test
    Xs, ys = data[:, :-1], data[:, -1]
    return Xs[b:], ys[b:], Xs[:a], ys[:a], Xs[a:b], ys[a:b]
