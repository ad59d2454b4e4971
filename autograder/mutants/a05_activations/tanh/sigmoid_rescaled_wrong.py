"""2 * sigma(z) - 1: that is tanh(z / 2), not tanh(z).

Student: This is what comes out when the sigmoid identity is used with the wrong scale on z.
"""
def tanh(z):
    return 2.0 / (1.0 + np.exp(-np.clip(z, -500, 500))) - 1.0
