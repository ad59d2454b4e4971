"""Adds up each sample's contribution 2·(x_i·theta - y_i)·x_i / m in a Python loop."""
def mse_gradient(Xb, y, theta):
    m = len(y)
    g = np.zeros(Xb.shape[1])
    for i in range(m):
        g += 2.0 * (Xb[i] @ theta - y[i]) * Xb[i] / m
    return g
