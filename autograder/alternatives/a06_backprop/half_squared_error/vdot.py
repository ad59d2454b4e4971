"""np.vdot for the sum of squares and len() for the number of samples."""
def half_squared_error(y_pred, y):
    d = y_pred - y
    m = len(y_pred)
    return float(0.5 * np.vdot(d, d) / m), d / m
