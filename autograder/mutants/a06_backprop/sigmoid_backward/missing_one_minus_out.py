"""dout * out: forgets the factor (1 - out).

Student: This is what comes out when dout is multiplied by the cached output alone.
"""
def sigmoid_backward(dout, cache):
    return dout * cache
