"""No max shift: exp overflows (and warns) for large logits.

Student: This is what comes out when large logits are exponentiated unshifted and overflow.
"""
def softmax_cross_entropy(logits, y):
    m = logits.shape[0]
    e = np.exp(logits)
    p = e / e.sum(axis=1, keepdims=True)
    d = p.copy()
    d[np.arange(m), y] -= 1.0
    return float(-np.log(p[np.arange(m), y]).mean()), d / m
