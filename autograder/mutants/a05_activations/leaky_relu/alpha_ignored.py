"""Hard-codes 0.01 and ignores the alpha argument.

Student: This is what comes out when a fixed slope is used and the alpha you are given is ignored.
"""
def leaky_relu(z, alpha=0.01):
    return np.where(z > 0, z, 0.01 * z)
