"""np.heaviside with 0.5 at z = 0.

Student: This is what comes out when an input of exactly zero gives one half.
"""
def step(z):
    return np.heaviside(z, 0.5)
