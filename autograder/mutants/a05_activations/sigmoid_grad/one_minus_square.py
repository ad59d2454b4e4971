"""1 - sigma(z)^2 (the tanh rule applied to the sigmoid).

Student: This is what comes out when tanh's derivative rule is applied to the sigmoid.
"""
def sigmoid_grad(z):
    s = 0.5 * (1.0 + np.tanh(0.5 * z))
    return 1.0 - s ** 2
