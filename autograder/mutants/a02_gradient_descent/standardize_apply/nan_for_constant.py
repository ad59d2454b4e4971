"""Divides by std as it is: a constant column becomes nan (0 / 0), with a warning.

Student: This is what comes out when a constant column is divided by its std of zero.
"""
def standardize_apply(X, mean, std):
    return (X - mean) / std
