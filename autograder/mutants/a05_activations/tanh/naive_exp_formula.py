"""(e^z - e^-z) / (e^z + e^-z) directly: overflows to inf / inf = nan.

Student: This is what comes out when the exponential formula is used directly and overflows to nan.
"""
def tanh(z):
    return (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z))
