"""Right values, but accumulates into the caller's bias arrays in place (b_k += ...).

Student: This matches a version that accumulates into the bias arrays it was given, changing them.
"""
def collapse_linear_layers(Ws, bs):
    W, b = Ws[0], bs[0]
    for W_k, b_k in zip(Ws[1:], bs[1:]):
        W = W @ W_k
        b_k += b @ W_k
        b = b_k
    return np.array(W, dtype=float), np.array(b, dtype=float)
