"""Accumulates from the last layer backwards."""
def collapse_linear_layers(Ws, bs):
    W = np.eye(Ws[-1].shape[1])
    b = np.zeros(Ws[-1].shape[1])
    for W_k, b_k in zip(reversed(Ws), reversed(bs)):
        b = b_k @ W + b
        W = W_k @ W
    return W, b
