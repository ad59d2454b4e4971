"""Three conv blocks (16, 32, 64 channels, each halving the size: 28 -> 14 -> 7 -> 3), defined block by block and flattened into a 64-unit dense layer."""
class FashionCNN(nn.Module):
    def __init__(self, n_classes=10):
        super().__init__()
        blocks = []
        channels = [1, 16, 32, 64]
        for c_in, c_out in zip(channels[:-1], channels[1:]):
            blocks += [nn.Conv2d(c_in, c_out, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]
        self.body = nn.Sequential(*blocks, nn.Flatten(), nn.Linear(64 * 3 * 3, 64), nn.ReLU())
        self.head = nn.Linear(64, n_classes)

    def forward(self, x):
        features = self.body(x)
        return self.head(features)
