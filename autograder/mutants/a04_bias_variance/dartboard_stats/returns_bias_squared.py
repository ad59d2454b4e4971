"""Returns the squared distance to the mean shot as the bias.

Student: This is what comes out when the bias is returned as a squared distance.
"""
def dartboard_stats(shots, target):
    mean_shot = shots.mean(axis=0)
    bias = float(np.sum((mean_shot - target) ** 2))
    variance = float(np.mean(np.sum((shots - mean_shot) ** 2, axis=1)))
    return bias, variance
