"""W_l of shape (n_l, n_{l-1}): transposed.

Student: This is what comes out when each weight matrix is made with its shape transposed.
"""
def init_mlp(layer_sizes, seed):
    rng = np.random.default_rng(seed)
    params = {}
    for l in range(1, len(layer_sizes)):
        params[f"W{l}"] = rng.normal(0.0, np.sqrt(2.0 / layer_sizes[l - 1]), size=(layer_sizes[l], layer_sizes[l - 1]))
        params[f"b{l}"] = np.zeros(layer_sizes[l])
    return params
