"""Pairs y with log(1 - p) and 1 - y with log p.

Student: This is what comes out when y is paired with log(1 - p) instead of log p.
"""
def binary_cross_entropy(p, y):
    return -torch.mean(y * torch.log(1 - p) + (1 - y) * torch.log(p))
