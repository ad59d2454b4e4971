"""Forgets to divide by m: the gradient of the sum of squared errors.

Student: This is what comes out when the gradient of the summed squared errors is used.
"""
def mse_gradient(Xb, y, theta):
    return 2.0 * Xb.T @ (Xb @ theta - y)
