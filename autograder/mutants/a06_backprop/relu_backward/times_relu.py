"""Multiplies dout by max(0, z) instead of the 0/1 derivative.

Student: This is what comes out when dout is multiplied by ReLU's output, not by its derivative.
"""
def relu_backward(dout, cache):
    return dout * np.maximum(cache, 0.0)
