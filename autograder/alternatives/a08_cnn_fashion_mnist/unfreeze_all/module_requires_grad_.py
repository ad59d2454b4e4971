"""Uses nn.Module.requires_grad_(True), which sets the flag on every parameter."""
def unfreeze_all(model):
    return model.requires_grad_(True)
