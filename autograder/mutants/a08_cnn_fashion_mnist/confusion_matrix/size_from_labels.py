"""Sizes the matrix from the largest label seen instead of n_classes, so classes that never occur are dropped.

Student: This is what comes out when the matrix size comes from the largest label seen.
"""
def confusion_matrix(y_true, y_pred, n_classes):
    k = int(max(y_true.max(), y_pred.max())) + 1
    matrix = np.zeros((k, k), dtype=np.int64)
    np.add.at(matrix, (y_true, y_pred), 1)
    return matrix
