"""np.var per coordinate, summed; math.dist for the bias."""
def dartboard_stats(shots, target):
    bias = math.dist(shots.mean(axis=0).tolist(), target.tolist())
    return bias, float(np.var(shots, axis=0).sum())
