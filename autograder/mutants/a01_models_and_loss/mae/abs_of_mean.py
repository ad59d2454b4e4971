"""Takes the absolute value of the mean error (right when all errors share a sign, as on the houses).

Student: This is what comes out when the absolute value is taken after averaging the errors.
"""
def mae(y_true, y_pred):
    return float(abs(np.mean(y_true - y_pred)))
