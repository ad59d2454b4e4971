"""Clips to [0, 1]: the output is capped.

Student: This is what comes out when the output is also capped at 1, so large inputs are cut off.
"""
def relu(z):
    return np.clip(z, 0.0, 1.0)
