"""Treats the cache as z and applies sigmoid again: sigma(out) * (1 - sigma(out))."""
def sigmoid_backward(dout, cache):
    s = np.exp(-np.logaddexp(0.0, -cache))
    return dout * s * (1.0 - s)
