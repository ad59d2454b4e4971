"""rng.shuffle of np.arange and a while loop."""
def minibatch_indices(m, batch_size, rng):
    idx = np.arange(m)
    rng.shuffle(idx)
    batches = []
    start = 0
    while start < m:
        batches.append(idx[start:start + batch_size])
        start += batch_size
    return batches
