"""Divides by m - 1, as for a sample variance.

Student: This is what comes out when the summed absolute errors are divided by m minus 1.
"""
def mae(y_true, y_pred):
    return float(np.sum(np.abs(y_true - y_pred)) / (len(y_true) - 1))
