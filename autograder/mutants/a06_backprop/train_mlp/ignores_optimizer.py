"""Always uses Adam, whatever the optimizer argument names.

Student: This is what comes out when Adam is always used, whatever optimizer is named.
"""
def train_mlp(X, y, hidden_sizes, activation="relu", optimizer="adam", lr=0.01, n_epochs=100, batch_size=32, seed=0):
    n_classes = int(y.max()) + 1
    params = init_mlp([X.shape[1], *hidden_sizes, n_classes], seed)
    rng = np.random.default_rng(seed)
    memory = {}
    history = {"loss": [], "accuracy": []}
    m = X.shape[0]
    for epoch in range(n_epochs):
        order = rng.permutation(m)
        total = 0.0
        for start in range(0, m, batch_size):
            batch = order[start:start + batch_size]
            scores, caches = mlp_forward(X[batch], params, activation)
            loss, dscores = softmax_cross_entropy(scores, y[batch])
            adam_step(params, mlp_backward(dscores, caches), memory, lr)
            total += loss * len(batch)
        history["loss"].append(total / m)
        scores, _ = mlp_forward(X, params, activation)
        history["accuracy"].append(float(np.mean(scores.argmax(axis=1) == y)))
    return params, history
