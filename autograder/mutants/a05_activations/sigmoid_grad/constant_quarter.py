"""Returns the maximum 0.25 everywhere.

Student: This is what comes out when the derivative's maximum value is returned for every z.
"""
def sigmoid_grad(z):
    return np.full(z.shape, 0.25)
