"""Forgets the leading minus: the result is negative, and minimising it makes predictions worse.

Student: This is what comes out when the leading minus sign is left out.
"""
def binary_cross_entropy(p, y):
    return torch.mean(y * torch.log(p) + (1 - y) * torch.log(1 - p))
