"""Unfreezes every parameter but forgets to return the model (returns None)."""
def unfreeze_all(model):
    for p in model.parameters():
        p.requires_grad_(True)
