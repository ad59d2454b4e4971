"""(y_pred - y_true)**2 with np.square: the order of the difference does not matter."""
def mse(y_true, y_pred):
    return float(np.square(y_pred - y_true).mean())
