"""dout * (out - out**2), the product expanded."""
def sigmoid_backward(dout, cache):
    return dout * (cache - cache ** 2)
