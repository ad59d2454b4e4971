"""Forgets the 1/2: loss sum(d**2) / m and gradient 2 d / m.

Student: This is what comes out when the one half is left out, doubling the loss and the gradient.
"""
def half_squared_error(y_pred, y):
    m = y_pred.shape[0]
    d = y_pred - y
    return float(np.sum(d ** 2) / m), 2 * d / m
