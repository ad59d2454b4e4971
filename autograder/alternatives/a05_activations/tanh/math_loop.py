"""A loop with math.tanh."""
def tanh(z):
    return np.array([math.tanh(v) for v in z.reshape(-1).tolist()]).reshape(z.shape)
