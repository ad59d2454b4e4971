"""functools.reduce over augmented (n+1) x (m+1) matrices."""
def collapse_linear_layers(Ws, bs):
    import functools
    def aug(W, b):
        top = np.hstack([W, np.zeros((W.shape[0], 1))])
        return np.vstack([top, np.append(b, 1.0)])
    M = functools.reduce(np.matmul, [aug(W, b) for W, b in zip(Ws, bs)])
    return M[:-1, :-1].copy(), M[-1, :-1].copy()
