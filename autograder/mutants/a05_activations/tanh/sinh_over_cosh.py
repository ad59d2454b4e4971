"""np.sinh / np.cosh: both overflow for |z| > 710 (inf / inf = nan).

Student: This is what comes out when sinh is divided by cosh, and both overflow for large z.
"""
def tanh(z):
    return np.sinh(z) / np.cosh(z)
