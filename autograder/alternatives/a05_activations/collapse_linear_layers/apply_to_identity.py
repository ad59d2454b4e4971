"""Applies the layers to the identity and to 0: b = f(0), W = f(I) - f(0)."""
def collapse_linear_layers(Ws, bs):
    n0 = Ws[0].shape[0]
    A = np.vstack([np.zeros((1, n0)), np.eye(n0)])
    for W_k, b_k in zip(Ws, bs):
        A = A @ W_k + b_k
    return A[1:] - A[0], A[0].copy()
