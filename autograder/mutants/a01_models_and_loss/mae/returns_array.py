"""Returns the absolute errors per sample, not their mean."""
def mae(y_true, y_pred):
    return np.abs(y_true - y_pred)
