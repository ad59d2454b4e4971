"""rng.choice(m, m, replace=False) and int32 copies of each batch."""
def minibatch_indices(m, batch_size, rng):
    order = rng.choice(m, size=m, replace=False)
    n_batches = math.ceil(m / batch_size)
    return [order[k * batch_size:(k + 1) * batch_size].astype(np.int32) for k in range(n_batches)]
