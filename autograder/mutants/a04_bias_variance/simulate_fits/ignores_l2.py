"""Fits by ordinary least squares: l2 is never used.

Student: This is what comes out when each fit is plain least squares and l2 is never used.
"""
def simulate_fits(f, degree, n_datasets, n_samples, noise_std, x_eval, seed, l2=0.0):
    rng = np.random.default_rng(seed)
    powers = np.arange(degree + 1)
    Phi_eval = np.asarray(x_eval, dtype=float)[:, None] ** powers
    predictions = np.empty((n_datasets, len(x_eval)))
    for j in range(n_datasets):
        x = rng.uniform(0.0, 1.0, n_samples)
        y = f(x) + noise_std * rng.standard_normal(n_samples)
        w = np.linalg.lstsq(x[:, None] ** powers, y, rcond=None)[0]
        predictions[j] = Phi_eval @ w
    return predictions
