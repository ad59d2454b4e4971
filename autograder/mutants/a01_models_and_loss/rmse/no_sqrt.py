"""Returns the MSE: forgets the square root.

Student: This is what comes out when the square root is left out, so the MSE is returned.
"""
def rmse(y_true, y_pred):
    return float(np.mean((y_true - y_pred) ** 2))
