"""Counts into np.zeros' default float array instead of integers."""
def confusion_matrix(y_true, y_pred, n_classes):
    matrix = np.zeros((n_classes, n_classes))
    np.add.at(matrix, (y_true, y_pred), 1)
    return matrix
