"""Builds the residual in the caller's y (y -= Xb·theta), changing the targets.

Student: This matches a version that builds the residual inside y itself, changing the targets.
"""
def mse_gradient(Xb, y, theta):
    y -= Xb @ theta
    return -(2.0 / Xb.shape[0]) * Xb.T @ y
