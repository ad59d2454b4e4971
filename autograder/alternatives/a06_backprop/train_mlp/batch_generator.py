"""A generator yields each epoch's mini-batches; if/elif dispatch on the optimizer."""
def train_mlp(X, y, hidden_sizes, activation="relu", optimizer="adam", lr=0.01, n_epochs=100, batch_size=32, seed=0):
    def batches(rng, m, size):
        order = rng.permutation(m)
        for start in range(0, m, size):
            yield order[start:start + size]

    n_classes = int(np.max(y)) + 1
    params = init_mlp([X.shape[1]] + list(hidden_sizes) + [n_classes], seed)
    rng = np.random.default_rng(seed)
    memory = {}
    history = {"loss": [], "accuracy": []}
    for epoch in range(n_epochs):
        total = 0.0
        for batch in batches(rng, len(X), batch_size):
            scores, caches = mlp_forward(X[batch], params, activation)
            loss, dscores = softmax_cross_entropy(scores, y[batch])
            grads = mlp_backward(dscores, caches)
            if optimizer == "sgd":
                sgd_step(params, grads, lr)
            elif optimizer == "momentum":
                momentum_step(params, grads, memory, lr)
            elif optimizer == "rmsprop":
                rmsprop_step(params, grads, memory, lr)
            elif optimizer == "adam":
                adam_step(params, grads, memory, lr)
            else:
                raise ValueError(f"unknown optimizer {optimizer!r}")
            total += loss * len(batch)
        history["loss"].append(total / len(X))
        predictions = mlp_forward(X, params, activation)[0].argmax(axis=1)
        history["accuracy"].append(float((predictions == y).mean()))
    return params, history
