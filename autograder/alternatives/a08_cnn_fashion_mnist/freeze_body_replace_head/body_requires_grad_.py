"""Freezes with model.body.requires_grad_(False), then assigns the new head."""
def freeze_body_replace_head(model, n_classes):
    model.body.requires_grad_(False)
    model.head = nn.Linear(model.head.in_features, n_classes)
    return model
