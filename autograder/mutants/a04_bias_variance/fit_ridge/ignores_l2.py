"""Ordinary least squares: l2 is accepted but never used."""
def fit_ridge(Phi, y, l2=0.0):
    return np.linalg.lstsq(Phi, y, rcond=None)[0]
