"""Draws weights from N(0, 1): no He scaling sqrt(2 / n_in).

Student: This is what comes out when weights have standard deviation 1, with no He scaling.
"""
def init_mlp(layer_sizes, seed):
    rng = np.random.default_rng(seed)
    params = {}
    for l in range(1, len(layer_sizes)):
        params[f"W{l}"] = rng.normal(0.0, 1.0, size=(layer_sizes[l - 1], layer_sizes[l]))
        params[f"b{l}"] = np.zeros(layer_sizes[l])
    return params
