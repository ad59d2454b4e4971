"""Multiplies by the std instead of dividing."""
def standardize_apply(X, mean, std):
    return (X - mean) * std
