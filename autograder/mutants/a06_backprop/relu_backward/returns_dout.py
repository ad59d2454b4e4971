"""Returns dout unchanged: forgets the ReLU derivative.

Student: This is what comes out when the upstream gradient is passed through unchanged.
"""
def relu_backward(dout, cache):
    return dout.copy()
