"""Divides first and subtracts the mean afterwards: X / std - mean."""
def standardize_apply(X, mean, std):
    return X / np.where(std > 0, std, 1.0) - mean
