"""Bias as the mean distance of the shots from the target, not the distance of the mean shot.

Student: This is what comes out when bias is the shots' mean distance from the target.
"""
def dartboard_stats(shots, target):
    mean_shot = shots.mean(axis=0)
    bias = float(np.mean(np.linalg.norm(shots - target, axis=1)))
    variance = float(np.mean(np.sum((shots - mean_shot) ** 2, axis=1)))
    return bias, variance
