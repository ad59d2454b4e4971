"""Clips the result into [0, 1], hiding that new data lies outside the training range.

Student: This is what comes out when the scaled values are clipped into the range 0 to 1.
"""
def minmax_apply(X, lo, hi):
    return np.clip((X - lo) / np.where(hi > lo, hi - lo, 1.0), 0.0, 1.0)
