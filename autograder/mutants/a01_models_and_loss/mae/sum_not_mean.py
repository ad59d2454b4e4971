"""Sums the absolute errors instead of averaging them.

Student: This is what comes out when the absolute errors are summed instead of averaged.
"""
def mae(y_true, y_pred):
    return float(np.sum(np.abs(y_true - y_pred)))
