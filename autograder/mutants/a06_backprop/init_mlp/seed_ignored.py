"""Ignores the seed (np.random.default_rng()): the same seed gives different weights.

Student: This is what comes out when the generator is not given the seed, so every run differs.
"""
def init_mlp(layer_sizes, seed):
    rng = np.random.default_rng()
    params = {}
    for l in range(1, len(layer_sizes)):
        params[f"W{l}"] = rng.normal(0.0, np.sqrt(2.0 / layer_sizes[l - 1]), size=(layer_sizes[l - 1], layer_sizes[l]))
        params[f"b{l}"] = np.zeros(layer_sizes[l])
    return params
