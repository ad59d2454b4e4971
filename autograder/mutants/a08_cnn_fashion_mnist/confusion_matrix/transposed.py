"""Transposed: rows are the predicted class and columns the true class.

Student: This is what comes out when rows hold the predicted class and columns the true class.
"""
def confusion_matrix(y_true, y_pred, n_classes):
    matrix = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(matrix, (y_pred, y_true), 1)
    return matrix
