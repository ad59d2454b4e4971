"""tanh(z)^2: forgets the '1 -'.

Student: This is what comes out when the squared tanh is returned by itself.
"""
def tanh_grad(z):
    return np.tanh(z) ** 2
