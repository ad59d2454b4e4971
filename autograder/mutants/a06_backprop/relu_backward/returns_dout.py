"""Returns dout unchanged: forgets the ReLU derivative."""
def relu_backward(dout, cache):
    return dout.copy()
