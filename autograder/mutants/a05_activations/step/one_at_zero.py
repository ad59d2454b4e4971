"""Uses >= : step(0) is 1, but the course (and the perceptron) fires only for z > 0.

Student: This is what comes out when an input of exactly zero fires and gives 1.
"""
def step(z):
    return (z >= 0).astype(np.float64)
