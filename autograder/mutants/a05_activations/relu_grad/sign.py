"""np.sign(z): -1 for negative inputs.

Student: This is what comes out when the sign of z is returned, so negative inputs give -1.
"""
def relu_grad(z):
    return np.sign(z)
