"""Builds the list of parameters first, then sums np.prod of the shapes, cast to int."""
def count_parameters(model, trainable_only=False):
    params = [p for p in model.parameters() if p.requires_grad] if trainable_only else list(model.parameters())
    return int(sum(int(np.prod(p.shape)) for p in params))
