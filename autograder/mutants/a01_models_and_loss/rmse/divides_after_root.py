"""Divides by m after the square root instead of before.

Student: This is what comes out when the division by m happens after the square root.
"""
def rmse(y_true, y_pred):
    return float(np.sqrt(np.sum((y_true - y_pred) ** 2)) / len(y_true))
