"""A Python loop over the samples, a log-sum-exp per row after shifting by its maximum."""
def softmax_cross_entropy(logits, y):
    m = logits.shape[0]
    total = 0.0
    d = np.zeros(logits.shape)
    for i in range(m):
        row = logits[i] - logits[i].max()
        lse = np.log(np.sum(np.exp(row)))
        total += lse - row[y[i]]
        d[i] = np.exp(row - lse)
        d[i, y[i]] -= 1.0
    return float(total / m), d / m
