"""The lecture's worked backpropagation example: a 2-3-1 network of sigmoid units, no biases.

Inputs x = [1.0, 0.5] (think: weather features in, solar-power output out). theta1 is the 2x3
matrix of the slides (row j = input j, column k = hidden unit k), used as x @ theta1, giving
hidden pre-activations [1.35, 1.45, 1.65]. theta2 (3x1) is 0.2 on every edge, chosen so that the
sigmoid output is 0.62; with target 1 the error E = 1/2 (y - y_hat)^2 is about 0.072 and
dE/dy_hat = -0.38. Only the numbers live here; computing with them is the exercise.
"""

import numpy as np

X = np.array([[1.0, 0.5]])                      # one sample, shape (1, 2)
THETA1 = np.array([[1.2, 1.1, 1.5],
                   [0.3, 0.7, 0.3]])            # (2, 3)
THETA2 = np.array([[0.2], [0.2], [0.2]])        # (3, 1)
Y = np.array([[1.0]])                           # target, shape (1, 1)

# What the slides show, rounded as they round them (for checks with a tolerance).
HIDDEN_PRE_ACTIVATIONS = (1.35, 1.45, 1.65)
OUTPUT = 0.62
ERROR = 0.072
DERROR_DOUTPUT = -0.38
