"""z times the mask z > 0, plus 0.0 to drop -0.0."""
def relu_forward(z):
    return z * (z > 0) + 0.0, z
