"""dout * out * (out - 1): the sign of the local derivative is flipped.

Student: This is what comes out when the sign of the local derivative is flipped.
"""
def sigmoid_backward(dout, cache):
    return dout * cache * (cache - 1.0)
