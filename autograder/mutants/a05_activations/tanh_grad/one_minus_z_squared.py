"""1 - z^2: squares z instead of tanh(z).

Student: This is what comes out when the raw input z is squared, not its tanh.
"""
def tanh_grad(z):
    return 1.0 - z ** 2
