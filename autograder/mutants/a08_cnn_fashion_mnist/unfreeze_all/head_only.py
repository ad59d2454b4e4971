"""Unfreezes only the head's parameters.

Student: This is what comes out when only the head's parameters are unfrozen.
"""
def unfreeze_all(model):
    for p in model.head.parameters():
        p.requires_grad_(True)
    return model
