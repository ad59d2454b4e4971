"""Forgets the square: averages the signed errors."""
def mse(y_true, y_pred):
    return float(np.mean(y_true - y_pred))
