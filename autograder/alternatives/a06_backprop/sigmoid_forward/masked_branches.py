"""Boolean masks: each formula evaluated only where its exponent is not positive."""
def sigmoid_forward(z):
    out = np.empty(np.shape(z))
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1.0 + e)
    return out, out
