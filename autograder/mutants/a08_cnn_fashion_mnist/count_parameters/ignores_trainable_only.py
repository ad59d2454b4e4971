"""Ignores trainable_only: always counts every parameter."""
def count_parameters(model, trainable_only=False):
    return int(sum(p.numel() for p in model.parameters()))
