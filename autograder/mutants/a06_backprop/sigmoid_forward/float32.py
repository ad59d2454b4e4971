"""Computes in float32: wrong dtype and only 7 digits.

Student: This matches a version that computes in lower (32-bit) precision, so digits are lost.
"""
def sigmoid_forward(z):
    z32 = z.astype(np.float32)
    e = np.exp(-np.abs(z32))
    out = np.where(z32 >= 0, 1 / (1 + e), e / (1 + e))
    return out, out
