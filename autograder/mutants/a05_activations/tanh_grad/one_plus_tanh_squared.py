"""1 + tanh(z)^2: a sign error.

Student: This is what comes out when the squared tanh is added to one: a sign error.
"""
def tanh_grad(z):
    return 1.0 + np.tanh(z) ** 2
