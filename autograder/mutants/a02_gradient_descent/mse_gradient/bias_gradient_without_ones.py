"""Treats the bias's gradient as the mean of the residual without the factor 2 (mixes two conventions).

Student: This is what comes out when the bias entry is just the mean residual, unlike the others.
"""
def mse_gradient(Xb, y, theta):
    r = Xb @ theta - y
    g = (2.0 / Xb.shape[0]) * Xb.T @ r
    g[0] = np.mean(r)
    return g
