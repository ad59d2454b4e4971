"""Variance as the mean squared deviation written out; returns numpy float64 values."""
def bias_variance_decomposition(predictions, f_eval, noise_var):
    mean_fit = np.mean(predictions, axis=0, keepdims=True)
    bias2 = np.mean((mean_fit[0] - f_eval) ** 2)
    variance = np.mean((predictions - mean_fit) ** 2)
    noise = np.float64(noise_var)
    return dict(bias2=bias2, variance=variance, noise=noise, expected_mse=bias2 + variance + noise)
