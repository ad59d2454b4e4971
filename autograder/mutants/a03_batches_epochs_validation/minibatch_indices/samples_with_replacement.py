"""Draws indices with replacement (rng.integers): some samples repeat, others are missed."""
def minibatch_indices(m, batch_size, rng):
    order = rng.integers(0, m, size=m)
    return [order[start:start + batch_size] for start in range(0, m, batch_size)]
