"""exp(z - max - log(sum(exp(z - max))))."""
def softmax(z):
    top = np.max(z, axis=-1, keepdims=True)
    lse = top + np.log(np.sum(np.exp(z - top), axis=-1, keepdims=True))
    return np.exp(z - lse)
