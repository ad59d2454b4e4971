"""The gradient's sign is flipped: (y - y_pred) / m.

Student: This is what comes out when the gradient has the wrong sign: target minus prediction.
"""
def half_squared_error(y_pred, y):
    m = y_pred.shape[0]
    d = y_pred - y
    return float(0.5 * np.sum(d ** 2) / m), -d / m
