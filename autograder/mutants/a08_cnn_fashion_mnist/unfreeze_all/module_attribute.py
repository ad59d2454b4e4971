"""Sets model.requires_grad = True, which only adds an attribute; no parameter changes."""
def unfreeze_all(model):
    model.requires_grad = True
    return model
