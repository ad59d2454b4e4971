"""Scales the positive side by alpha instead of the negative one.

Student: This is what comes out when alpha scales the positive inputs instead of the negative ones.
"""
def leaky_relu(z, alpha=0.01):
    return np.where(z > 0, alpha * z, z)
