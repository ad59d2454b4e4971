"""Hidden units x1 AND NOT x2 and x2 AND NOT x1, output OR; np.heaviside steps."""
def xor_network(X):
    W1 = np.array([[1.0, -1.0], [-1.0, 1.0]])
    H = np.heaviside(X @ W1 - 0.5, 0)
    return np.heaviside(H.sum(axis=1) - 0.5, 0).astype(int)
