"""Sums the loss over the batch instead of averaging (and the gradient is not divided by m).

Student: This is what comes out when the loss and gradient are summed over the batch.
"""
def softmax_cross_entropy(logits, y):
    m = logits.shape[0]
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    d = np.exp(log_probs)
    d[np.arange(m), y] -= 1.0
    return float(-log_probs[np.arange(m), y].sum()), d
