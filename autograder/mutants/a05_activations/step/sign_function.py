"""Uses np.sign: -1 for negative inputs instead of 0.

Student: This is what comes out when the sign of z is returned, so negative inputs give -1.
"""
def step(z):
    return np.sign(z)
