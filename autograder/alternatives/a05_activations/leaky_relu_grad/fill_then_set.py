"""np.full with alpha, then 1 where z > 0."""
def leaky_relu_grad(z, alpha=0.01):
    out = np.full(z.shape, float(alpha))
    out[z > 0] = 1.0
    return out
