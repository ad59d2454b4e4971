"""Ignores batchnorm=True: no BatchNorm1d layers are added.

Student: This is what comes out when the batchnorm flag is ignored and no BatchNorm1d is added.
"""
def build_mlp(in_features, hidden_sizes, out_features, activation="relu", batchnorm=False):
    make_activation = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh}[activation]
    layers = []
    previous = in_features
    for width in hidden_sizes:
        layers.append(nn.Linear(previous, width))
        layers.append(make_activation())
        previous = width
    layers.append(nn.Linear(previous, out_features))
    return nn.Sequential(*layers)
