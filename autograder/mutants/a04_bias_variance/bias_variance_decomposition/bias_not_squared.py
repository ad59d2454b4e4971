"""Reports the mean absolute bias |mean fit - truth| as 'bias2', not its square.

Student: This is what comes out when bias2 is the mean absolute gap to the truth, never squared.
"""
def bias_variance_decomposition(predictions, f_eval, noise_var):
    mean_fit = predictions.mean(axis=0)
    bias2 = float(np.mean(np.abs(mean_fit - f_eval)))
    variance = float(np.mean(np.var(predictions, axis=0)))
    return {"bias2": bias2, "variance": variance, "noise": float(noise_var),
            "expected_mse": bias2 + variance + float(noise_var)}
