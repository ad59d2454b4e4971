"""Draws indices with replacement (rng.integers): some samples repeat, others are missed.

Student: This is what comes out when indices are drawn with replacement, so some samples repeat.
"""
def minibatch_indices(m, batch_size, rng):
    order = rng.integers(0, m, size=m)
    return [order[start:start + batch_size] for start in range(0, m, batch_size)]
