"""Counts parameter tensors (len(list(model.parameters()))) instead of the numbers in them.

Student: This is what comes out when each parameter tensor is counted as one.
"""
def count_parameters(model, trainable_only=False):
    return len([p for p in model.parameters() if p.requires_grad or not trainable_only])
