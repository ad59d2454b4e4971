"""Ignores rng and uses the global np.random.permutation: not reproducible from the generator's seed.

Student: This is what comes out when the shuffle ignores rng and uses a different random source.
"""
def minibatch_indices(m, batch_size, rng):
    order = np.random.permutation(m)
    return [order[start:start + batch_size] for start in range(0, m, batch_size)]
