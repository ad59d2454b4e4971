"""Default alpha 0.1 instead of 0.01.

Student: This is what comes out when the default alpha differs from the one the exercise states.
"""
def leaky_relu(z, alpha=0.1):
    return np.where(z > 0, z, alpha * z)
