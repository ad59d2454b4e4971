"""Named layers via an OrderedDict, activation chosen by if/elif."""
def build_mlp(in_features, hidden_sizes, out_features, activation="relu", batchnorm=False):
    from collections import OrderedDict
    named = OrderedDict()
    sizes = [in_features] + list(hidden_sizes)
    for i in range(len(hidden_sizes)):
        named[f"fc{i}"] = nn.Linear(sizes[i], sizes[i + 1])
        if batchnorm:
            named[f"bn{i}"] = nn.BatchNorm1d(sizes[i + 1])
        if activation == "relu":
            named[f"act{i}"] = nn.ReLU()
        elif activation == "sigmoid":
            named[f"act{i}"] = nn.Sigmoid()
        else:
            named[f"act{i}"] = nn.Tanh()
    named["out"] = nn.Linear(sizes[-1], out_features)
    return nn.Sequential(named)
