"""Sets p.requires_grad = True on every named parameter."""
def unfreeze_all(model):
    for _, p in model.named_parameters():
        if not p.requires_grad:
            p.requires_grad = True
    return model
