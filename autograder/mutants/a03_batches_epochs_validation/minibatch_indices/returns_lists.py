"""Returns each batch as a Python list, not a numpy integer array.

Student: This is what comes out when each mini-batch is returned as a plain Python list.
"""
def minibatch_indices(m, batch_size, rng):
    order = rng.permutation(m).tolist()
    return [order[start:start + batch_size] for start in range(0, m, batch_size)]
