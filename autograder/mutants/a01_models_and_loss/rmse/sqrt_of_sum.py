"""Square root of the sum of squared errors, without dividing by m."""
def rmse(y_true, y_pred):
    return float(np.sqrt(np.sum((y_true - y_pred) ** 2)))
