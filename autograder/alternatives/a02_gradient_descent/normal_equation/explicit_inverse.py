"""The textbook formula with an explicit inverse, (XbᵀXb)⁻¹Xbᵀy."""
def normal_equation(Xb, y):
    return np.linalg.inv(Xb.T @ Xb) @ Xb.T @ y
