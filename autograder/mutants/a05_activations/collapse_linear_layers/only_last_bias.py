"""Keeps only the last layer's bias.

Student: This is what comes out when only the last layer's bias is kept and earlier ones dropped.
"""
def collapse_linear_layers(Ws, bs):
    W = Ws[0]
    for W_k in Ws[1:]:
        W = W @ W_k
    return np.array(W, dtype=float), np.array(bs[-1], dtype=float)
