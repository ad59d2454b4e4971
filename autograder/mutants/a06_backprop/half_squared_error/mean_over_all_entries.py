"""Averages over all entries (m * k), not over the m samples.

Student: This is what comes out when the average is taken over every entry instead of over samples.
"""
def half_squared_error(y_pred, y):
    d = y_pred - y
    return float(0.5 * np.mean(d ** 2)), d / d.size
