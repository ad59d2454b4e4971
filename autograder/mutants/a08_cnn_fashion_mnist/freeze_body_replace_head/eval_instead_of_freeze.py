"""Calls model.eval() to 'freeze' instead of setting requires_grad, so the body stays trainable.

Student: This is what comes out when evaluation mode is mistaken for freezing the body.
"""
def freeze_body_replace_head(model, n_classes):
    model.eval()
    model.head = nn.Linear(model.head.in_features, n_classes)
    return model
