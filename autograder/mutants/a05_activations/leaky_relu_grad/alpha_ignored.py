"""Hard-codes 0.01 and ignores alpha.

Student: This is what comes out when a fixed slope is used for negative z and alpha is ignored.
"""
def leaky_relu_grad(z, alpha=0.01):
    return np.where(z > 0, 1.0, 0.01)
