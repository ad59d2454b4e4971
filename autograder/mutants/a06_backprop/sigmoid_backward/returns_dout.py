"""Passes dout through unchanged: forgets the activation's derivative.

Student: This is what comes out when the upstream gradient is passed through unchanged.
"""
def sigmoid_backward(dout, cache):
    return dout.copy()
