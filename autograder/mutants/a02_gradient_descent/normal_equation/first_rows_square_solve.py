"""Solves the square system of the first n + 1 samples: exact only when the data fit a line exactly.

Student: This is what comes out when only the first n + 1 samples are solved, ignoring the rest.
"""
def normal_equation(Xb, y):
    k = Xb.shape[1]
    return np.linalg.solve(Xb[:k], y[:k])
