"""e / (1 + e) instead of e / (1 + e)^2.

Student: This is what comes out when the denominator of the stable formula is left unsquared.
"""
def sigmoid_grad(z):
    e = np.exp(-np.abs(z))
    return e / (1.0 + e)
