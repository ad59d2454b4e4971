"""dout * out: forgets the factor (1 - out)."""
def sigmoid_backward(dout, cache):
    return dout * cache
