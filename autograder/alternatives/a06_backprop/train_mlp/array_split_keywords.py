"""np.array_split of the permutation into batches; optimizers called with keyword arguments."""
def train_mlp(X, y, hidden_sizes, activation="relu", optimizer="adam", lr=0.01, n_epochs=100, batch_size=32, seed=0):
    sizes = [X.shape[1], *hidden_sizes, int(y.max()) + 1]
    params = init_mlp(sizes, seed=seed)
    rng = np.random.default_rng(seed)
    memory = {}
    m = len(y)
    history = {"loss": [], "accuracy": []}
    for _ in range(n_epochs):
        losses, counts = [], []
        for batch in np.array_split(rng.permutation(m), list(range(batch_size, m, batch_size))):
            scores, caches = mlp_forward(X[batch], params, activation=activation)
            loss, dscores = softmax_cross_entropy(scores, y[batch])
            grads = mlp_backward(dscores, caches)
            if optimizer == "sgd":
                sgd_step(params, grads, lr=lr)
            elif optimizer == "momentum":
                momentum_step(params, grads, velocity=memory, lr=lr)
            elif optimizer == "rmsprop":
                rmsprop_step(params, grads, cache=memory, lr=lr)
            else:
                adam_step(params, grads, state=memory, lr=lr)
            losses.append(loss)
            counts.append(len(batch))
        history["loss"].append(float(np.average(losses, weights=counts)))
        history["accuracy"].append(float(np.mean(np.argmax(mlp_forward(X, params, activation)[0], axis=1) == y)))
    return params, history
