"""Divides by m - 1, as for a sample variance."""
def mae(y_true, y_pred):
    return float(np.sum(np.abs(y_true - y_pred)) / (len(y_true) - 1))
