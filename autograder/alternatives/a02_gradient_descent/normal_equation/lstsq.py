"""np.linalg.lstsq, the library's least-squares solver."""
def normal_equation(Xb, y):
    return np.linalg.lstsq(Xb, y, rcond=None)[0]
