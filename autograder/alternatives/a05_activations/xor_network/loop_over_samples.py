"""A loop with explicit sums per sample."""
def xor_network(X):
    out = []
    for x1, x2 in X:
        h1 = 1 if x1 + x2 - 0.5 > 0 else 0
        h2 = 1 if x1 + x2 - 1.5 > 0 else 0
        out.append(1 if h1 - h2 - 0.5 > 0 else 0)
    return np.array(out)
