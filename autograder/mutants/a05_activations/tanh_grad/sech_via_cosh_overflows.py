"""1 / cosh(z)^2: cosh overflows (and warns) for |z| > 710.

Student: This is what comes out when the derivative is built from cosh, which overflows for big z.
"""
def tanh_grad(z):
    return 1.0 / np.cosh(z) ** 2
