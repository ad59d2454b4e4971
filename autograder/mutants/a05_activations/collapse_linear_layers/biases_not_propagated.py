"""Adds the biases up without passing earlier ones through the later weights.

Student: This is what comes out when the biases are added up, not carried through later weights.
"""
def collapse_linear_layers(Ws, bs):
    W, b = Ws[0], bs[0]
    for W_k, b_k in zip(Ws[1:], bs[1:]):
        W = W @ W_k
        b = b + b_k
    return np.array(W, dtype=float), np.array(b, dtype=float)
