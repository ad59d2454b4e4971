"""Always uses nn.ReLU, whatever the activation argument says.

Student: This is what comes out when ReLU is used whatever the activation argument says.
"""
def build_mlp(in_features, hidden_sizes, out_features, activation="relu", batchnorm=False):
    layers = []
    previous = in_features
    for width in hidden_sizes:
        layers.append(nn.Linear(previous, width))
        if batchnorm:
            layers.append(nn.BatchNorm1d(width))
        layers.append(nn.ReLU())
        previous = width
    layers.append(nn.Linear(previous, out_features))
    return nn.Sequential(*layers)
