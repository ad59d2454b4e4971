"""Leaves the last column unpenalised instead of the first.

Student: This is what comes out when the last column is the one left unpenalised.
"""
def fit_ridge(Phi, y, l2=0.0):
    n = Phi.shape[1]
    D = np.eye(n)
    D[-1, -1] = 0.0
    return np.linalg.solve(Phi.T @ Phi + l2 * D, Phi.T @ y)
