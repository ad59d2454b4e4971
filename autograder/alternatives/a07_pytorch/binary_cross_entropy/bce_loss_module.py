"""nn.BCELoss as a module, called on the tensors."""
def binary_cross_entropy(p, y):
    return nn.BCELoss()(p, y)
