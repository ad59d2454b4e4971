"""(e^z - e^-z) / (e^z + e^-z) directly: overflows to inf / inf = nan."""
def tanh(z):
    return (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z))
