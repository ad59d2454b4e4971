"""A no-op that returns the model unchanged (e.g. model.train() mistaken for unfreezing).

Student: This matches a version that sets training mode and leaves every parameter frozen.
"""
def unfreeze_all(model):
    model.train()
    return model
