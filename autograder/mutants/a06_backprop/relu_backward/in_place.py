"""Zeroes dout in place where z <= 0 and returns dout itself."""
def relu_backward(dout, cache):
    dout[cache <= 0] = 0.0
    return dout
