"""Unfreezes only the head's parameters."""
def unfreeze_all(model):
    for p in model.head.parameters():
        p.requires_grad_(True)
    return model
