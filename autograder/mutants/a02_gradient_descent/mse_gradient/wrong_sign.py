"""Uses y - Xb·theta as the residual: the gradient points downhill instead of uphill.

Student: This is what comes out when the residual is taken as targets minus predictions.
"""
def mse_gradient(Xb, y, theta):
    return (2.0 / Xb.shape[0]) * Xb.T @ (y - Xb @ theta)
