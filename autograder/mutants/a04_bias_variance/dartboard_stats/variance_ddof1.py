"""Divides the squared distances by n - 1 instead of n."""
def dartboard_stats(shots, target):
    mean_shot = shots.mean(axis=0)
    bias = float(np.linalg.norm(mean_shot - target))
    n = len(shots)
    variance = float(np.sum((shots - mean_shot) ** 2) / max(n - 1, 1))
    return bias, variance
