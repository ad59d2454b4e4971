"""Swaps the two branches: computes sigma(-z), a sign error.

Student: This is what comes out when the two branches are swapped, giving the sigmoid of minus z.
"""
def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, e / (1.0 + e), 1.0 / (1.0 + e))
