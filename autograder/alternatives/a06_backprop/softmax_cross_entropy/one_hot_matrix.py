"""A one-hot matrix np.eye(C)[y] and probabilities from the shifted exponentials."""
def softmax_cross_entropy(logits, y):
    m, C = logits.shape
    e = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    p = e / np.sum(e, axis=1, keepdims=True)
    one_hot = np.eye(C)[y]
    log_probs = logits - np.max(logits, axis=1, keepdims=True) - np.log(np.sum(e, axis=1, keepdims=True))
    loss = -np.sum(one_hot * log_probs) / m
    return float(loss), (p - one_hot) / m
