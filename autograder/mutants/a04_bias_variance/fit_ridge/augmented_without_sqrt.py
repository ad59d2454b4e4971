"""Augmented least squares with rows l2 * D instead of sqrt(l2) * D: the penalty becomes l2 squared.

Student: This is what comes out when the penalty rows are scaled by l2 itself, so l2 acts squared.
"""
def fit_ridge(Phi, y, l2=0.0):
    n = Phi.shape[1]
    D = np.eye(n)[1:]
    A = np.vstack([Phi, l2 * D])
    return np.linalg.lstsq(A, np.concatenate([y, np.zeros(n - 1)]), rcond=None)[0]
