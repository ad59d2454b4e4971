"""A no-op that returns the model unchanged (e.g. model.train() mistaken for unfreezing)."""
def unfreeze_all(model):
    model.train()
    return model
