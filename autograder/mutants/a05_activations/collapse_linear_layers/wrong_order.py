"""Multiplies the weights in the wrong order, W_L ... W_1 (fits only when all layers are square).

Student: This is what comes out when the weights are multiplied from the last layer to the first.
"""
def collapse_linear_layers(Ws, bs):
    W, b = Ws[-1], bs[0]
    for W_k in Ws[-2::-1]:
        W = W @ W_k
    for W_k, b_k in zip(Ws[1:], bs[1:]):
        b = b @ W_k + b_k
    return np.array(W, dtype=float), np.array(b, dtype=float)
