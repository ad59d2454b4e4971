"""Counts into np.zeros' default float array instead of integers.

Student: This is what comes out when the counts are kept in a float array.
"""
def confusion_matrix(y_true, y_pred, n_classes):
    matrix = np.zeros((n_classes, n_classes))
    np.add.at(matrix, (y_true, y_pred), 1)
    return matrix
