"""A copy of dout with the entries at z <= 0 set to 0."""
def relu_backward(dout, cache):
    dz = np.array(dout, dtype=np.float64)
    dz[cache <= 0] = 0.0
    return dz
