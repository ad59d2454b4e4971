"""Fits through the origin: drops the ones column and reports bias 0.

Student: This matches a version that drops the ones column and fits a line through the origin.
"""
def normal_equation(Xb, y):
    X = Xb[:, 1:]
    w = np.linalg.solve(X.T @ X, X.T @ y)
    return np.concatenate([[0.0], w])
