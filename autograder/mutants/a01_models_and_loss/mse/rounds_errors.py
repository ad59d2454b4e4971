"""Rounds each error to one decimal before squaring (exact on the lecture's houses, wrong elsewhere).

Student: This is what comes out when each error is rounded to one decimal before squaring.
"""
def mse(y_true, y_pred):
    errors = (y_true - y_pred).round(1)
    return float(np.mean(errors * errors))
