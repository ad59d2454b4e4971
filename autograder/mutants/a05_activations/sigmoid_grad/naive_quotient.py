"""exp(-z) / (1 + exp(-z))^2 directly: inf / inf = nan for large negative z.

Student: This is what comes out when the quotient is built from e to the minus z, which overflows.
"""
def sigmoid_grad(z):
    return np.exp(-z) / (1.0 + np.exp(-z)) ** 2
