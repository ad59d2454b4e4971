"""np.abs(z): negative inputs come out positive.

Student: This is what comes out when negative inputs are made positive, like an absolute value.
"""
def relu(z):
    return np.abs(z)
