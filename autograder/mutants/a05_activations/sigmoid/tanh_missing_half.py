"""0.5 * (1 + tanh(z)): the identity needs tanh(z / 2).

Student: This is what comes out when the tanh identity is used with the wrong scale inside tanh.
"""
def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(z))
