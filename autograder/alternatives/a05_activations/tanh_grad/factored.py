"""(1 - t)(1 + t) with t = tanh(z)."""
def tanh_grad(z):
    t = np.tanh(z)
    return (1.0 - t) * (1.0 + t)
