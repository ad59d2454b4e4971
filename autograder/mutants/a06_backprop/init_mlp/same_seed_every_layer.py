"""Creates default_rng(seed) anew for every layer: all layers start from the same random draws.

Student: This is what comes out when a new generator with the same seed is made for every layer.
"""
def init_mlp(layer_sizes, seed):
    params = {}
    for l in range(1, len(layer_sizes)):
        rng = np.random.default_rng(seed)
        params[f"W{l}"] = rng.normal(0.0, np.sqrt(2.0 / layer_sizes[l - 1]), size=(layer_sizes[l - 1], layer_sizes[l]))
        params[f"b{l}"] = np.zeros(layer_sizes[l])
    return params
