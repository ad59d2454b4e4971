"""Ignores the given mean and std and refits them on X (test data would be scaled with its own statistics).

Student: This is what comes out when the given mean and std are ignored and refitted on X.
"""
def standardize_apply(X, mean, std):
    s = X.std(axis=0)
    return (X - X.mean(axis=0)) / np.where(s > 0, s, 1.0)
