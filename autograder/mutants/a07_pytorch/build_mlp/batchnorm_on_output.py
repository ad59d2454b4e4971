"""Adds a BatchNorm1d after the output Linear as well when batchnorm=True.

Student: This is what comes out when a BatchNorm1d is added after the output nn.Linear as well.
"""
def build_mlp(in_features, hidden_sizes, out_features, activation="relu", batchnorm=False):
    make_activation = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh}[activation]
    layers = []
    previous = in_features
    for width in hidden_sizes:
        layers.append(nn.Linear(previous, width))
        if batchnorm:
            layers.append(nn.BatchNorm1d(width))
        layers.append(make_activation())
        previous = width
    layers.append(nn.Linear(previous, out_features))
    if batchnorm:
        layers.append(nn.BatchNorm1d(out_features))
    return nn.Sequential(*layers)
