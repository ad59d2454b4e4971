"""Sums over the samples instead of averaging: loss and gradient are m times too large.

Student: This is what comes out when the loss and gradient are summed over the samples.
"""
def half_squared_error(y_pred, y):
    d = y_pred - y
    return float(0.5 * np.sum(d ** 2)), d
