"""Squares the mean error instead of averaging the squared errors."""
def mse(y_true, y_pred):
    return float(np.mean(y_true - y_pred) ** 2)
