"""Averages the signed errors: positive and negative errors cancel.

Student: This is what comes out when signed errors are averaged, so positive and negative cancel.
"""
def mae(y_true, y_pred):
    return float(np.mean(y_true - y_pred))
