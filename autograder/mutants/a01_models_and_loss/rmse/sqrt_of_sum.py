"""Square root of the sum of squared errors, without dividing by m.

Student: This is what comes out when the square root is taken of the summed squared errors.
"""
def rmse(y_true, y_pred):
    return float(np.sqrt(np.sum((y_true - y_pred) ** 2)))
