"""Returns the local derivative (z > 0) without multiplying by dout.

Student: This is what comes out when the local derivative is returned without using dout.
"""
def relu_backward(dout, cache):
    return (cache > 0).astype(np.float64)
