"""A copy with negatives set to 0."""
def relu(z):
    out = z.copy()
    out[out < 0] = 0.0
    return out
