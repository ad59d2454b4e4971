"""exp(z) / (1 + exp(z)): inf / inf = nan for large positive z.

Student: This is what comes out when the exponential of a large positive z overflows, giving nan.
"""
def sigmoid(z):
    return np.exp(z) / (1.0 + np.exp(z))
