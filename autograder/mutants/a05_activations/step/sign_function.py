"""Uses np.sign: -1 for negative inputs instead of 0."""
def step(z):
    return np.sign(z)
