"""Returns |z| instead of max(0, z).

Student: This is what comes out when negative inputs are made positive, like an absolute value.
"""
def relu_forward(z):
    return np.abs(z), z
