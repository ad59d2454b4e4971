"""Forgets the leak: plain ReLU.

Student: This is what comes out when negative inputs are set to zero, as in plain ReLU: no leak.
"""
def leaky_relu(z, alpha=0.01):
    return np.maximum(z, 0.0)
