"""Divides first and subtracts the mean afterwards: X / std - mean.

Student: This is what comes out when X is divided by std first and the mean subtracted afterwards.
"""
def standardize_apply(X, mean, std):
    return X / np.where(std > 0, std, 1.0) - mean
