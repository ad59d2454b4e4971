"""Puts the activation after the output Linear too: the scores are squashed/clipped.

Student: This is what comes out when the activation is applied after the output nn.Linear too.
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
    layers.append(make_activation())
    return nn.Sequential(*layers)
