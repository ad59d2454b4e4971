"""math.sqrt of the notebook's own mse."""
def rmse(y_true, y_pred):
    return math.sqrt(mse(y_true, y_pred))
