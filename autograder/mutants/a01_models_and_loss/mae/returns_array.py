"""Returns the absolute errors per sample, not their mean.

Student: This is what comes out when each sample's absolute error is returned separately.
"""
def mae(y_true, y_pred):
    return np.abs(y_true - y_pred)
