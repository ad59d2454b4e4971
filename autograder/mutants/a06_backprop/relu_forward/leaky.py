"""A leaky ReLU max(0.01 z, z): negative inputs leak through."""
def relu_forward(z):
    return np.maximum(z, 0.01 * z), z
