"""Forgets the square: averages the signed errors.

Student: This is what comes out when the errors are averaged without being squared.
"""
def mse(y_true, y_pred):
    return float(np.mean(y_true - y_pred))
