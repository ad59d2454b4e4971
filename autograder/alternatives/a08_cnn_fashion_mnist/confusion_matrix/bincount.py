"""np.bincount on y_true * n_classes + y_pred with minlength n_classes**2, reshaped."""
def confusion_matrix(y_true, y_pred, n_classes):
    flat = np.bincount(np.asarray(y_true) * n_classes + np.asarray(y_pred), minlength=n_classes * n_classes)
    return flat.reshape(n_classes, n_classes).astype(np.int64)
