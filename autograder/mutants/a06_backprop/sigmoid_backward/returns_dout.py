"""Passes dout through unchanged: forgets the activation's derivative."""
def sigmoid_backward(dout, cache):
    return dout.copy()
