"""Weights that compute OR: (1, 1) gives 1.

Student: This is what comes out when the network computes OR, so the input (1, 1) also gives 1.
"""
def xor_network(X):
    W1 = np.array([[1.0, 1.0], [1.0, 1.0]])
    b1 = np.array([-0.5, -0.5])
    H = (X @ W1 + b1 > 0).astype(int)
    return (H @ np.array([1.0, 0.0]) - 0.5 > 0).astype(int)
