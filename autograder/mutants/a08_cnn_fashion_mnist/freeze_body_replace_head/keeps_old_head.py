"""Freezes the body but keeps (and unfreezes) the old head: the number of classes does not change.

Student: This is what comes out when the body is frozen but the old head is kept.
"""
def freeze_body_replace_head(model, n_classes):
    for p in model.body.parameters():
        p.requires_grad_(False)
    for p in model.head.parameters():
        p.requires_grad_(True)
    return model
