"""Minimises the mean squared error plus the penalty: l2 weighs m times more than asked.

Student: This is what comes out when the squared errors are averaged before adding the l2 penalty.
"""
def fit_ridge(Phi, y, l2=0.0):
    m, n = Phi.shape
    D = np.eye(n)
    D[0, 0] = 0.0
    return np.linalg.solve(Phi.T @ Phi / m + l2 * D, Phi.T @ y / m)
