"""Returns the local derivative out * (1 - out) without multiplying by dout.

Student: This is what comes out when the local derivative is returned without using dout.
"""
def sigmoid_backward(dout, cache):
    return cache * (1.0 - cache)
