"""A Python loop over the flattened array."""
def step(z):
    out = np.zeros(z.shape)
    flat = out.reshape(-1)
    for i, v in enumerate(z.reshape(-1)):
        flat[i] = 1.0 if v > 0 else 0.0
    return out
