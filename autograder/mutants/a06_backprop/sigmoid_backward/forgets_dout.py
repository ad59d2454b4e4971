"""Returns the local derivative out * (1 - out) without multiplying by dout."""
def sigmoid_backward(dout, cache):
    return cache * (1.0 - cache)
