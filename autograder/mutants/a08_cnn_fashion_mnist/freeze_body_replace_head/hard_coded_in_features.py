"""Hard-codes the new head's input size as 64 (FashionCNN's) instead of model.head.in_features.

Student: This is what comes out when the new head's input size is hard-coded from FashionCNN.
"""
def freeze_body_replace_head(model, n_classes):
    for p in model.parameters():
        p.requires_grad_(False)
    model.head = nn.Linear(64, n_classes)
    return model
