"""Fits through the origin: drops the ones column and reports bias 0."""
def normal_equation(Xb, y):
    X = Xb[:, 1:]
    w = np.linalg.solve(X.T @ X, X.T @ y)
    return np.concatenate([[0.0], w])
