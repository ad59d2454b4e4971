"""Sets model.requires_grad = True, which only adds an attribute; no parameter changes.

Student: This is what comes out when requires_grad is set as an attribute of the module itself.
"""
def unfreeze_all(model):
    model.requires_grad = True
    return model
