"""A single step unit: no line computes XOR, so (1, 1) fails.

Student: This is what comes out when a single step unit is used: no one line separates XOR.
"""
def xor_network(X):
    return (X @ np.array([1.0, 1.0]) - 0.5 > 0).astype(int)
