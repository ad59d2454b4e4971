"""Takes the first and last rows as min and max (true only when the rows are sorted).

Student: This is what comes out when the first and last rows are taken as the min and max.
"""
def minmax_fit(X):
    return X[0].copy(), X[-1].copy()
