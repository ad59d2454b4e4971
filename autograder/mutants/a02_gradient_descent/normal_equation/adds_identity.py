"""Adds the identity to XbᵀXb (a ridge penalty nobody asked for).

Student: This is what comes out when an unasked-for ridge penalty is added to the normal equation.
"""
def normal_equation(Xb, y):
    return np.linalg.solve(Xb.T @ Xb + np.eye(Xb.shape[1]), Xb.T @ y)
