"""Weights first, then biases, with dict updates; std 2 ** 0.5 / n_in ** 0.5."""
def init_mlp(layer_sizes, seed):
    rng = np.random.default_rng(seed)
    L = len(layer_sizes) - 1
    params = {f"W{l}": rng.normal(size=(layer_sizes[l - 1], layer_sizes[l])) * (2 ** 0.5 / layer_sizes[l - 1] ** 0.5) for l in range(1, L + 1)}
    params.update({f"b{l}": np.zeros(layer_sizes[l], dtype=np.float64) for l in range(1, L + 1)})
    return params
