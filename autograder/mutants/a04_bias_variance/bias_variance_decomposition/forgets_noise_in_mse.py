"""expected_mse = bias2 + variance: leaves out the irreducible noise.

Student: This is what comes out when expected_mse leaves out the noise.
"""
def bias_variance_decomposition(predictions, f_eval, noise_var):
    mean_fit = predictions.mean(axis=0)
    bias2 = float(np.mean((mean_fit - f_eval) ** 2))
    variance = float(np.mean(np.var(predictions, axis=0)))
    return {"bias2": bias2, "variance": variance, "noise": float(noise_var), "expected_mse": bias2 + variance}
