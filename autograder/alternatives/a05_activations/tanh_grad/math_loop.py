"""A loop with math.tanh."""
def tanh_grad(z):
    return np.array([1.0 - math.tanh(v) ** 2 for v in z.reshape(-1).tolist()]).reshape(z.shape)
