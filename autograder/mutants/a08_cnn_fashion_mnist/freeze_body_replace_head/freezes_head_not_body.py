"""Freezes the head instead of the body (and replaces the head, which is then trainable along with the body).

Student: This is what comes out when the old head is frozen and the body is left trainable.
"""
def freeze_body_replace_head(model, n_classes):
    for p in model.head.parameters():
        p.requires_grad_(False)
    model.head = nn.Linear(model.head.in_features, n_classes)
    return model
