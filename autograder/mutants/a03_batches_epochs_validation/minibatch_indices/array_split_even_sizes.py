"""np.array_split into ceil(m / batch_size) nearly equal batches: sizes differ from batch_size.

Student: This is what comes out when the indices are split into nearly equal batches.
"""
def minibatch_indices(m, batch_size, rng):
    order = rng.permutation(m)
    return list(np.array_split(order, math.ceil(m / batch_size)))
