"""np.linalg.norm of the errors divided by sqrt(m)."""
def rmse(y_true, y_pred):
    return float(np.linalg.norm(y_true - y_pred) / np.sqrt(len(y_true)))
