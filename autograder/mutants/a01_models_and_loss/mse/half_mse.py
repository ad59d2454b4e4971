"""Halves the MSE (the 1/2 convention of a later week, not this loss).

Student: This is what comes out when the MSE is halved, a convention from a later week.
"""
def mse(y_true, y_pred):
    return float(0.5 * np.mean((y_true - y_pred) ** 2))
