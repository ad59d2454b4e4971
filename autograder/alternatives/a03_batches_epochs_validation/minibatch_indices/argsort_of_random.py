"""argsort of rng.random(m), then np.split at multiples of batch_size."""
def minibatch_indices(m, batch_size, rng):
    order = np.argsort(rng.random(m))
    return np.split(order, range(batch_size, m, batch_size))
