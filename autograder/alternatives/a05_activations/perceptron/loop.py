"""A loop over the samples with an explicit dot product."""
def perceptron(X, w, b):
    out = []
    for x in X:
        s = b
        for j in range(len(w)):
            s += x[j] * w[j]
        out.append(1 if s > 0 else 0)
    return np.array(out, dtype=int)
