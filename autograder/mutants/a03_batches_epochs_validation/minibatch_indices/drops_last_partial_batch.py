"""Drops the last, smaller batch: m % batch_size samples are never used.

Student: This is what comes out when the last, smaller mini-batch is dropped.
"""
def minibatch_indices(m, batch_size, rng):
    order = rng.permutation(m)
    return [order[start:start + batch_size] for start in range(0, m - batch_size + 1, batch_size)]
