"""A loop with math.exp, choosing the safe form per entry."""
def sigmoid(z):
    out = np.empty(z.shape)
    flat = out.reshape(-1)
    for i, v in enumerate(z.reshape(-1).tolist()):
        flat[i] = 1.0 / (1.0 + math.exp(-v)) if v >= 0 else math.exp(v) / (1.0 + math.exp(v))
    return out
