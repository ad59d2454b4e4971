"""Ignores rng and uses the global np.random.permutation: not reproducible from the generator's seed."""
def minibatch_indices(m, batch_size, rng):
    order = np.random.permutation(m)
    return [order[start:start + batch_size] for start in range(0, m, batch_size)]
