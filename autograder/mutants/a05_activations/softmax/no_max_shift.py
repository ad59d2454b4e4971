"""No max shift: exp overflows for large scores (inf / inf = nan).

Student: This is what comes out when large scores are exponentiated unshifted and overflow to nan.
"""
def softmax(z):
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)
