"""Sums over the samples instead of averaging: loss and gradient are m times too large."""
def half_squared_error(y_pred, y):
    d = y_pred - y
    return float(0.5 * np.sum(d ** 2)), d
