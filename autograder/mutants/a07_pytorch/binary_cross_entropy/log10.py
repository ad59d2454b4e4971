"""Uses the base-10 logarithm instead of the natural one.

Student: This is what comes out when the logarithm is taken in base 10 instead of base e.
"""
def binary_cross_entropy(p, y):
    return -torch.mean(y * torch.log10(p) + (1 - y) * torch.log10(1 - p))
