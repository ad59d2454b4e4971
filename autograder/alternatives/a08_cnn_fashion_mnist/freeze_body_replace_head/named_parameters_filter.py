"""Freezes every parameter whose name does not start with 'head.', then replaces the head (reading the sizes from its weight)."""
def freeze_body_replace_head(model, n_classes):
    for name, p in model.named_parameters():
        if not name.startswith("head."):
            p.requires_grad = False
    in_features = model.head.weight.shape[1]
    model.head = nn.Linear(in_features, n_classes)
    return model
