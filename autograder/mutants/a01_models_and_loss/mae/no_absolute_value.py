"""Averages the signed errors: positive and negative errors cancel."""
def mae(y_true, y_pred):
    return float(np.mean(y_true - y_pred))
