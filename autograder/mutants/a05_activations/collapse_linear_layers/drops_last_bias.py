"""Passes the biases through the later weights but forgets to add the last layer's bias.

Student: This is what comes out when the last layer's bias is left out of the collapsed bias.
"""
def collapse_linear_layers(Ws, bs):
    W, b = Ws[0], bs[0]
    for k in range(1, len(Ws)):
        W = W @ Ws[k]
        b = b @ Ws[k] + (bs[k] if k < len(Ws) - 1 else 0.0)
    return np.array(W, dtype=float), np.array(b, dtype=float)
