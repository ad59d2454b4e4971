"""Unfreezes only model.body (the part freeze_body_replace_head froze), assuming every model has a body and that the head is already trainable.

Student: This is what comes out when only the parameters of model.body are unfrozen.
"""
def unfreeze_all(model):
    for p in model.body.parameters():
        p.requires_grad_(True)
    return model
