"""Hidden units fire at >= 0 with biases 0 and -2: (0, 0) sits on the OR unit's boundary and fires, so it gives 1.

Student: This is what comes out when a hidden unit fires on its boundary, so input (0, 0) gives 1.
"""
def xor_network(X):
    H = (X @ np.array([[1.0, 1.0], [1.0, 1.0]]) + np.array([0.0, -2.0]) >= 0).astype(int)
    return (H @ np.array([1.0, -2.0]) - 0.5 > 0).astype(int)
