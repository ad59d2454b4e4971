"""Forgets to divide by m: the gradient of the sum of squared errors."""
def mse_gradient(Xb, y, theta):
    return 2.0 * Xb.T @ (Xb @ theta - y)
