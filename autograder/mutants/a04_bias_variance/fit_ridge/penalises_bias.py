"""Penalises every weight, the intercept w[0] included (l2 * I instead of l2 * D).

Student: This is what comes out when every weight is penalised, the intercept included.
"""
def fit_ridge(Phi, y, l2=0.0):
    n = Phi.shape[1]
    return np.linalg.solve(Phi.T @ Phi + l2 * np.eye(n), Phi.T @ y)
