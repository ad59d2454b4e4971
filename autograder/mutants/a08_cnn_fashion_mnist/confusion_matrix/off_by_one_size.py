"""Allocates (n_classes + 1, n_classes + 1), as if labels ran 1..n_classes.

Student: This matches a matrix with an extra row and column, as if the labels started at 1.
"""
def confusion_matrix(y_true, y_pred, n_classes):
    matrix = np.zeros((n_classes + 1, n_classes + 1), dtype=np.int64)
    np.add.at(matrix, (y_true, y_pred), 1)
    return matrix
