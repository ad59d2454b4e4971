"""OR and NAND hidden units, but an output threshold of 2.5 that two units never reach: always 0.

Student: This is what comes out when the output unit's threshold is too high for it ever to fire.
"""
def xor_network(X):
    W1 = np.array([[1.0, -1.0], [1.0, -1.0]])
    b1 = np.array([-0.5, 1.5])
    H = (X @ W1 + b1 > 0).astype(int)
    return (H @ np.array([1.0, 1.0]) - 2.5 > 0).astype(int)
