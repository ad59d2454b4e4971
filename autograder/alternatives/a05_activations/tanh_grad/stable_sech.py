"""sech^2 = 4 e / (1 + e)^2 with e = exp(-2|z|)."""
def tanh_grad(z):
    e = np.exp(-2.0 * np.abs(z))
    return 4.0 * e / (1.0 + e) ** 2
