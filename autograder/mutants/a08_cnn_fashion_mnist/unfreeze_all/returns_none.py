"""Unfreezes every parameter but forgets to return the model (returns None).

Student: This is what comes out when the parameters are unfrozen but nothing is returned.
"""
def unfreeze_all(model):
    for p in model.parameters():
        p.requires_grad_(True)
