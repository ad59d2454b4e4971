"""Sums the squared errors instead of averaging them.

Student: This is what comes out when the squared errors are summed instead of averaged.
"""
def mse(y_true, y_pred):
    return float(np.sum((y_true - y_pred) ** 2))
