"""Zeroes dout in place where z <= 0 and returns dout itself.

Student: This matches a version that zeroes entries of dout itself, changing the upstream gradient.
"""
def relu_backward(dout, cache):
    dout[cache <= 0] = 0.0
    return dout
