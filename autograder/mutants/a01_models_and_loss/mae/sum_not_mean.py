"""Sums the absolute errors instead of averaging them."""
def mae(y_true, y_pred):
    return float(np.sum(np.abs(y_true - y_pred)))
