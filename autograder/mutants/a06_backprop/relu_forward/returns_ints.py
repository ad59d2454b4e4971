"""np.maximum(z, 0).astype(int): truncates to integers.

Student: This is what comes out when the output is turned into whole numbers, losing the fractions.
"""
def relu_forward(z):
    return np.maximum(z, 0).astype(int), z
