"""Forgets the factor 2 from the derivative of the square.

Student: This is what comes out when the factor from differentiating the square is left out.
"""
def mse_gradient(Xb, y, theta):
    return (1.0 / Xb.shape[0]) * Xb.T @ (Xb @ theta - y)
