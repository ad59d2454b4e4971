"""Boolean masks: each formula only where its exponent is not positive."""
def sigmoid(z):
    out = np.empty(z.shape)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1.0 + e)
    return out
