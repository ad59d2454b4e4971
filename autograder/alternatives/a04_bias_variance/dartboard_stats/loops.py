"""Plain loops over the shots."""
def dartboard_stats(shots, target):
    n = len(shots)
    mx = sum(float(s[0]) for s in shots) / n
    my = sum(float(s[1]) for s in shots) / n
    bias = ((mx - float(target[0])) ** 2 + (my - float(target[1])) ** 2) ** 0.5
    variance = sum((float(s[0]) - mx) ** 2 + (float(s[1]) - my) ** 2 for s in shots) / n
    return bias, variance
