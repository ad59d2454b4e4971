"""np.heaviside with value 0 at z = 0."""
def step(z):
    return np.heaviside(z, 0.0)
