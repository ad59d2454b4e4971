"""Squares the mean error instead of averaging the squared errors.

Student: This is what comes out when the errors are averaged first and that average is squared.
"""
def mse(y_true, y_pred):
    return float(np.mean(y_true - y_pred) ** 2)
