"""Multiplies by the std instead of dividing.

Student: This is what comes out when the centred features are multiplied by std.
"""
def standardize_apply(X, mean, std):
    return (X - mean) * std
