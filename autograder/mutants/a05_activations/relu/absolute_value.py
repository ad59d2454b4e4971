"""np.abs(z): negative inputs come out positive."""
def relu(z):
    return np.abs(z)
