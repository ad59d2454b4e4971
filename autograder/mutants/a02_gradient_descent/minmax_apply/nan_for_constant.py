"""Divides by hi - lo as it is: a constant column becomes nan (0 / 0), with a warning.

Student: This is what comes out when a constant column divides zero by zero.
"""
def minmax_apply(X, lo, hi):
    return (X - lo) / (hi - lo)
