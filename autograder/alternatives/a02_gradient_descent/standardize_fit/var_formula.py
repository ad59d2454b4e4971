"""Square root of the mean squared deviation, written out."""
def standardize_fit(X):
    mean = np.mean(X, axis=0)
    return mean, np.sqrt(np.mean((X - mean) ** 2, axis=0))
