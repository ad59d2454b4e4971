"""Replaces the head first and then freezes every parameter, so the new head is frozen too.

Student: This is what comes out when the head is replaced first and then every parameter is frozen.
"""
def freeze_body_replace_head(model, n_classes):
    model.head = nn.Linear(model.head.in_features, n_classes)
    for p in model.parameters():
        p.requires_grad_(False)
    return model
