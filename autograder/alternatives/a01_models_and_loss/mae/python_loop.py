"""A Python loop with the builtin abs, divided by len."""
def mae(y_true, y_pred):
    total = 0.0
    for t, p in zip(y_true, y_pred):
        total += abs(t - p)
    return float(total / len(y_true))
