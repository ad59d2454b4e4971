"""Builds an empty nn.Sequential and grows it with add_module / append."""
def build_mlp(in_features, hidden_sizes, out_features, activation="relu", batchnorm=False):
    acts = {"relu": nn.ReLU(), "sigmoid": nn.Sigmoid(), "tanh": nn.Tanh()}
    model = nn.Sequential()
    previous = in_features
    for i, width in enumerate(hidden_sizes):
        model.add_module(f"linear_{i}", nn.Linear(previous, width))
        if batchnorm:
            model.add_module(f"batchnorm_{i}", nn.BatchNorm1d(width))
        model.append(copy.deepcopy(acts[activation]))
        previous = width
    model.append(nn.Linear(previous, out_features))
    return model
