"""Averages the signed bias over the points before squaring: errors of opposite sign cancel.

Student: This is what comes out when the signed bias is averaged over the points before squaring.
"""
def bias_variance_decomposition(predictions, f_eval, noise_var):
    mean_fit = predictions.mean(axis=0)
    bias2 = float(np.mean(mean_fit - f_eval) ** 2)
    variance = float(np.mean(np.var(predictions, axis=0)))
    return {"bias2": bias2, "variance": variance, "noise": float(noise_var),
            "expected_mse": bias2 + variance + float(noise_var)}
