"""Takes the first and last rows as min and max (true only when the rows are sorted)."""
def minmax_fit(X):
    return X[0].copy(), X[-1].copy()
