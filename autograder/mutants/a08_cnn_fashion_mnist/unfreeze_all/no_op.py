"""A no-op that returns the model unchanged (e.g. model.train() mistaken for unfreezing).

Student: This is what comes out when model.train() is mistaken for unfreezing the parameters.
"""
def unfreeze_all(model):
    model.train()
    return model
