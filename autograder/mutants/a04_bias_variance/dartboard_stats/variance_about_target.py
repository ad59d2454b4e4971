"""Measures the spread about the target instead of the mean shot.

Student: This is what comes out when the spread of the shots is measured about the target.
"""
def dartboard_stats(shots, target):
    mean_shot = shots.mean(axis=0)
    bias = float(np.linalg.norm(mean_shot - target))
    variance = float(np.mean(np.sum((shots - target) ** 2, axis=1)))
    return bias, variance
