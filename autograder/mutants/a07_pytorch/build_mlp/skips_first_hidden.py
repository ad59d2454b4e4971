"""Pairs consecutive hidden widths only: the first hidden layer, in_features -> hidden_sizes[0], is missing.

Student: This is what comes out when the hidden layer fed by in_features is left out.
"""
def build_mlp(in_features, hidden_sizes, out_features, activation="relu", batchnorm=False):
    make_activation = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh}[activation]
    layers = []
    for a, b in zip(hidden_sizes[:-1], hidden_sizes[1:]):
        layers.append(nn.Linear(a, b))
        if batchnorm:
            layers.append(nn.BatchNorm1d(b))
        layers.append(make_activation())
    previous = hidden_sizes[-1] if hidden_sizes else in_features
    layers.append(nn.Linear(previous, out_features))
    return nn.Sequential(*layers)
