"""Caches the output max(0, z) instead of the input z.

Student: This matches a version that caches the output instead of the input z.
"""
def relu_forward(z):
    out = np.maximum(z, 0.0)
    return out, out
