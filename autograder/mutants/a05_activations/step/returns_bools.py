"""Returns the boolean comparison itself, not float 0.0 / 1.0."""
def step(z):
    return z > 0
