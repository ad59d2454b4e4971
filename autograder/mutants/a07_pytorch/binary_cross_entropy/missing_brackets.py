"""The slide's formula read literally: -y log p + (1 - y) log(1 - p), the minus on the first term only.

Student: This is what comes out when the minus sign covers only the first term, as on the slide.
"""
def binary_cross_entropy(p, y):
    return torch.mean(-y * torch.log(p) + (1 - y) * torch.log(1 - p))
