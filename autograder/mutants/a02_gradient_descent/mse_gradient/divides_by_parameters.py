"""Divides by the number of parameters (n + 1) instead of the number of samples m.

Student: This is what comes out when the gradient is divided by the number of parameters.
"""
def mse_gradient(Xb, y, theta):
    return (2.0 / Xb.shape[1]) * Xb.T @ (Xb @ theta - y)
