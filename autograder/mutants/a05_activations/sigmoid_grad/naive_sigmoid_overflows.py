"""s (1 - s) with the naive sigmoid: exp overflows and warns for large negative z.

Student: This is what comes out when the sigmoid inside uses the naive formula, which overflows.
"""
def sigmoid_grad(z):
    s = 1.0 / (1.0 + np.exp(-z))
    return s * (1.0 - s)
