"""Puts BatchNorm1d after the activation instead of between the Linear and the activation.

Student: This is what comes out when each BatchNorm1d comes after its layer's activation.
"""
def build_mlp(in_features, hidden_sizes, out_features, activation="relu", batchnorm=False):
    make_activation = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh}[activation]
    layers = []
    previous = in_features
    for width in hidden_sizes:
        layers.append(nn.Linear(previous, width))
        layers.append(make_activation())
        if batchnorm:
            layers.append(nn.BatchNorm1d(width))
        previous = width
    layers.append(nn.Linear(previous, out_features))
    return nn.Sequential(*layers)
