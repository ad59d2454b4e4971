"""np.heaviside with 0.5 at z = 0."""
def step(z):
    return np.heaviside(z, 0.5)
