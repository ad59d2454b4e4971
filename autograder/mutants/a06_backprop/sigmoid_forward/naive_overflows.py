"""The naive 1 / (1 + exp(-z)): exp overflows (and warns) for large negative z.

Student: This is what comes out when the exponential overflows and warns for large negative z.
"""
def sigmoid_forward(z):
    out = 1.0 / (1.0 + np.exp(-z))
    return out, out
