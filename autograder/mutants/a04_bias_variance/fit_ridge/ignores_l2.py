"""Ordinary least squares: l2 is accepted but never used.

Student: This is what comes out when l2 is never used and plain least squares is fitted.
"""
def fit_ridge(Phi, y, l2=0.0):
    return np.linalg.lstsq(Phi, y, rcond=None)[0]
