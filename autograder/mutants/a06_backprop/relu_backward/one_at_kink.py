"""Uses z >= 0: passes the gradient through at the kink z = 0.

Student: This is what comes out when the gradient also passes through at the kink z = 0.
"""
def relu_backward(dout, cache):
    return np.where(cache >= 0, dout, 0.0)
