"""np.multiply with the local derivative computed first."""
def sigmoid_backward(dout, cache):
    local = np.multiply(cache, 1.0 - cache)
    return np.multiply(dout, local)
