"""Cuts range(m) in order and shuffles only the order of the batches: batch contents never mix.

Student: This is what comes out when only the order of the batches is shuffled, not their contents.
"""
def minibatch_indices(m, batch_size, rng):
    batches = [np.arange(start, min(start + batch_size, m)) for start in range(0, m, batch_size)]
    return [batches[k] for k in rng.permutation(len(batches))]
