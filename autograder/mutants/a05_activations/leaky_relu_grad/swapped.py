"""alpha for positive z and 1 for negative.

Student: This is what comes out when the two slopes are swapped between positive and negative z.
"""
def leaky_relu_grad(z, alpha=0.01):
    return np.where(z > 0, alpha, 1.0)
