"""A seeded np.random.RandomState, the inputs of each set drawn after its noise, explicit inverse."""
def simulate_fits(f, degree, n_datasets, n_samples, noise_std, x_eval, seed, l2=0.0):
    rs = np.random.RandomState(seed)
    predictions = np.zeros((n_datasets, len(x_eval)))
    for j in range(n_datasets):
        noise = rs.normal(0.0, noise_std, n_samples)
        x = rs.uniform(0.0, 1.0, n_samples)
        y = f(x) + noise
        Phi = np.column_stack([x ** k for k in range(degree + 1)])
        penalty = l2 * np.eye(degree + 1)
        penalty[0, 0] = 0.0
        w = np.linalg.inv(Phi.T @ Phi + penalty) @ Phi.T @ y
        for p, xe in enumerate(x_eval):
            predictions[j, p] = sum(w[k] * xe ** k for k in range(degree + 1))
    return predictions
