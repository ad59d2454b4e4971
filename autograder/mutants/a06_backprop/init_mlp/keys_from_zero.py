"""Numbers the layers from 0 (W0, b0, ...) instead of from 1.

Student: This is what comes out when the parameter names start counting the layers at 0.
"""
def init_mlp(layer_sizes, seed):
    rng = np.random.default_rng(seed)
    params = {}
    for l in range(len(layer_sizes) - 1):
        params[f"W{l}"] = rng.normal(0.0, np.sqrt(2.0 / layer_sizes[l]), size=(layer_sizes[l], layer_sizes[l + 1]))
        params[f"b{l}"] = np.zeros(layer_sizes[l + 1])
    return params
