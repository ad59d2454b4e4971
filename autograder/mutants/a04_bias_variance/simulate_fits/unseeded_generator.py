"""np.random.default_rng() without the seed: every call gives other fits.

Student: This is what comes out when the generator is made without the seed, so every call differs.
"""
def simulate_fits(f, degree, n_datasets, n_samples, noise_std, x_eval, seed, l2=0.0):
    rng = np.random.default_rng()
    powers = np.arange(degree + 1)
    Phi_eval = np.asarray(x_eval, dtype=float)[:, None] ** powers
    D = np.eye(degree + 1)
    D[0, 0] = 0.0
    predictions = np.empty((n_datasets, len(x_eval)))
    for j in range(n_datasets):
        x = rng.uniform(0.0, 1.0, n_samples)
        y = f(x) + noise_std * rng.standard_normal(n_samples)
        Phi = x[:, None] ** powers
        w = np.linalg.solve(Phi.T @ Phi + l2 * D, Phi.T @ y)
        predictions[j] = Phi_eval @ w
    return predictions
