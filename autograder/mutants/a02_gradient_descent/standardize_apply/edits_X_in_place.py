"""Transforms the caller's X in place (X -= mean; X /= std) and returns it.

Student: This matches a version that standardizes the caller's X itself and returns it.
"""
def standardize_apply(X, mean, std):
    X -= mean
    X /= np.where(std > 0, std, 1.0)
    return X
