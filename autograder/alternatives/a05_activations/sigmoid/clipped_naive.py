"""The naive formula on z clipped to [-500, 500]: no overflow, error below 1e-200."""
def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.clip(z, -500.0, 500.0)))
