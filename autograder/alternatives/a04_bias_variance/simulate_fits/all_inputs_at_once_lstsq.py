"""Draws all inputs and noise up front (other draws), fits each set by augmented least squares."""
def simulate_fits(f, degree, n_datasets, n_samples, noise_std, x_eval, seed, l2=0.0):
    rng = np.random.default_rng(seed)
    X = rng.random((n_datasets, n_samples))
    Y = f(X) + rng.normal(0.0, noise_std, size=(n_datasets, n_samples))
    E = np.vander(np.asarray(x_eval, dtype=float), degree + 1, increasing=True)
    R = np.sqrt(l2) * np.eye(degree + 1)[1:]
    out = []
    for x, y in zip(X, Y):
        A = np.vstack([np.vander(x, degree + 1, increasing=True), R])
        w = np.linalg.lstsq(A, np.concatenate([y, np.zeros(degree)]), rcond=None)[0]
        out.append(E @ w)
    return np.array(out)
