"""Variance over the fits with ddof=1 (divides by D - 1).

Student: This is what comes out when the variance over the fits divides by D minus 1.
"""
def bias_variance_decomposition(predictions, f_eval, noise_var):
    mean_fit = predictions.mean(axis=0)
    bias2 = float(np.mean((mean_fit - f_eval) ** 2))
    variance = float(np.mean(np.var(predictions, axis=0, ddof=1))) if len(predictions) > 1 else 0.0
    return {"bias2": bias2, "variance": variance, "noise": float(noise_var),
            "expected_mse": bias2 + variance + float(noise_var)}
