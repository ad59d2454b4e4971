"""Variance taken along each fit (over the points, axis=1), then averaged over the fits.

Student: This is what comes out when the variance is taken along each fit, over the points.
"""
def bias_variance_decomposition(predictions, f_eval, noise_var):
    mean_fit = predictions.mean(axis=0)
    bias2 = float(np.mean((mean_fit - f_eval) ** 2))
    variance = float(np.mean(np.var(predictions, axis=1)))
    return {"bias2": bias2, "variance": variance, "noise": float(noise_var),
            "expected_mse": bias2 + variance + float(noise_var)}
