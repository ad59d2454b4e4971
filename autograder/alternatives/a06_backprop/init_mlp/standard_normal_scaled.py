"""rng.standard_normal(shape) * sqrt(2 / n_in), pairs of sizes from zip."""
def init_mlp(layer_sizes, seed):
    rng = np.random.default_rng(seed)
    params = {}
    for l, (n_in, n_out) in enumerate(zip(layer_sizes[:-1], layer_sizes[1:]), start=1):
        params["W" + str(l)] = rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / n_in)
        params["b" + str(l)] = np.zeros((n_out,))
    return params
