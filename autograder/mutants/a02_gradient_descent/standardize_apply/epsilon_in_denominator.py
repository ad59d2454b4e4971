"""Divides by std + 1e-8: no nan, but wrong for features on a small scale.

Student: This is what comes out when a tiny number is added to std before dividing.
"""
def standardize_apply(X, mean, std):
    return (X - mean) / (std + 1e-8)
