"""Sums with torch, returning a tensor instead of a Python int.

Student: This is what comes out when the total is returned as a tensor rather than a Python int.
"""
def count_parameters(model, trainable_only=False):
    return torch.tensor([p.numel() for p in model.parameters() if p.requires_grad or not trainable_only]).sum()
