"""Takes the root of each squared error before averaging: that is the MAE.

Student: This is what comes out when each squared error is rooted before averaging, giving the MAE.
"""
def rmse(y_true, y_pred):
    return float(np.mean(np.sqrt((y_true - y_pred) ** 2)))
