"""Uses matrix[y_true, y_pred] += 1, which counts repeated pairs only once.

Student: This is what comes out when a repeated (true, predicted) pair is counted only once.
"""
def confusion_matrix(y_true, y_pred, n_classes):
    matrix = np.zeros((n_classes, n_classes), dtype=np.int64)
    matrix[y_true, y_pred] += 1
    return matrix
