"""Divides by m after the square root instead of before."""
def rmse(y_true, y_pred):
    return float(np.sqrt(np.sum((y_true - y_pred) ** 2)) / len(y_true))
