"""Always uses mini-batches of 32, ignoring the batch_size argument.

Student: This is what comes out when the mini-batch size is fixed and batch_size is ignored.
"""
def train_mlp(X, y, hidden_sizes, activation="relu", optimizer="adam", lr=0.01, n_epochs=100, batch_size=32, seed=0):
    n_classes = int(y.max()) + 1
    params = init_mlp([X.shape[1], *hidden_sizes, n_classes], seed)
    rng = np.random.default_rng(seed)
    steps = {"sgd": lambda p, g, mem: sgd_step(p, g, lr), "momentum": lambda p, g, mem: momentum_step(p, g, mem, lr),
             "rmsprop": lambda p, g, mem: rmsprop_step(p, g, mem, lr), "adam": lambda p, g, mem: adam_step(p, g, mem, lr)}
    step = steps[optimizer]
    memory = {}
    history = {"loss": [], "accuracy": []}
    m = X.shape[0]
    for epoch in range(n_epochs):
        order = rng.permutation(m)
        total = 0.0
        for start in range(0, m, 32):
            batch = order[start:start + 32]
            scores, caches = mlp_forward(X[batch], params, activation)
            loss, dscores = softmax_cross_entropy(scores, y[batch])
            step(params, mlp_backward(dscores, caches), memory)
            total += loss * len(batch)
        history["loss"].append(total / m)
        scores, _ = mlp_forward(X, params, activation)
        history["accuracy"].append(float(np.mean(scores.argmax(axis=1) == y)))
    return params, history
