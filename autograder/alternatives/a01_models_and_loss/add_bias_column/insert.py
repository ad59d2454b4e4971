"""np.insert of the value 1 before column 0."""
def add_bias_column(X):
    return np.insert(X.astype(float), 0, 1.0, axis=1)
