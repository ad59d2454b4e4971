"""Sums the per-sample losses instead of averaging them.

Student: This is what comes out when the per-sample losses are summed, not averaged.
"""
def binary_cross_entropy(p, y):
    return -torch.sum(y * torch.log(p) + (1 - y) * torch.log(1 - p))
