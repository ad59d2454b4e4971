"""np.where over two naive branches: both are computed, so exp still overflows and warns.

Student: This is what comes out when two unsafe branches are both computed, so one still overflows.
"""
def sigmoid(z):
    return np.where(z >= 0, 1.0 / (1.0 + np.exp(-z)), np.exp(z) / (1.0 + np.exp(z)))
