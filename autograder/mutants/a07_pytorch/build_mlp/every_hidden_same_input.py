"""Forgets to update the previous width: every hidden Linear takes in_features inputs.

Student: This matches a version where every hidden nn.Linear expects in_features inputs.
"""
def build_mlp(in_features, hidden_sizes, out_features, activation="relu", batchnorm=False):
    make_activation = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh}[activation]
    layers = []
    for width in hidden_sizes:
        layers.append(nn.Linear(in_features, width))
        if batchnorm:
            layers.append(nn.BatchNorm1d(width))
        layers.append(make_activation())
    layers.append(nn.Linear(hidden_sizes[-1] if hidden_sizes else in_features, out_features))
    return nn.Sequential(*layers)
