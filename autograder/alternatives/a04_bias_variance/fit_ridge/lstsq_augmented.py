"""Least squares on the system augmented with rows sqrt(l2) * e_k for k >= 1."""
def fit_ridge(Phi, y, l2=0.0):
    n = Phi.shape[1]
    A = np.vstack([Phi, np.sqrt(l2) * np.eye(n)[1:]])
    return np.linalg.lstsq(A, np.concatenate([y, np.zeros(n - 1)]), rcond=None)[0]
