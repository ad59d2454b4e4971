"""The loss is right but the gradient is y_pred - y, not divided by m.

Student: This is what comes out when the loss is averaged over the samples but its gradient is not.
"""
def half_squared_error(y_pred, y):
    m = y_pred.shape[0]
    d = y_pred - y
    return float(0.5 * np.sum(d ** 2) / m), d
