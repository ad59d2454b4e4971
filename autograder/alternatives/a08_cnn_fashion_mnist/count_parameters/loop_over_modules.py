"""Loops over the modules' own parameters (recurse=False) and multiplies out each shape."""
def count_parameters(model, trainable_only=False):
    total = 0
    for module in model.modules():
        for p in module.parameters(recurse=False):
            if trainable_only and not p.requires_grad:
                continue
            size = 1
            for d in p.shape:
                size *= d
            total += size
    return total
