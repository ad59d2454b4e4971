"""np.average of np.absolute, returned as numpy's float64 (a float too)."""
def mae(y_true, y_pred):
    return np.average(np.absolute(np.subtract(y_true, y_pred)))
