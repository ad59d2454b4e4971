"""Loops over the points with plain Python sums."""
def bias_variance_decomposition(predictions, f_eval, noise_var):
    D, P = predictions.shape
    bias2 = 0.0
    variance = 0.0
    for p in range(P):
        column = [float(v) for v in predictions[:, p]]
        mean = sum(column) / D
        bias2 += (mean - float(f_eval[p])) ** 2 / P
        variance += sum((v - mean) ** 2 for v in column) / D / P
    return {"bias2": bias2, "variance": variance, "noise": noise_var, "expected_mse": bias2 + variance + noise_var}
