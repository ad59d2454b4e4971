"""No activation between the layers and average pooling: the whole network is linear.

Student: This matches a CNN with no ReLU and average pooling: it is linear end to end.
"""
class FashionCNN(nn.Module):
    def __init__(self, n_classes=10):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.AvgPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.AvgPool2d(2),
            nn.Flatten(), nn.Linear(32 * 7 * 7, 64),
        )
        self.head = nn.Linear(64, n_classes)

    def forward(self, x):
        return self.head(self.body(x))
