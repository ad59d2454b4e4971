"""Returns alpha * z for negative z (the function's value, not its slope).

Student: This is what comes out when negative z give alpha times z, a value, not a slope.
"""
def leaky_relu_grad(z, alpha=0.01):
    return np.where(z > 0, 1.0, alpha * z)
