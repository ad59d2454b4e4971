"""The lecture's worked backpropagation example: a 2-3-1 network of sigmoid units, no biases.

Inputs x = [1.0, 0.5] (think: weather features in, solar-power output out). theta1 is the 2x3
matrix of the slides (row j = input j, column k = hidden unit k). The slides multiply theta1^T x
with x a column; the course writes x @ theta1 with x a row (samples are rows): the same hidden
pre-activations [1.35, 1.45, 1.65]. (The slide prints 2.45 for the second; 1.1 + 0.35 = 1.45.)

The slides give x, theta1, the output y_hat ~ 0.62, the error E = 1/2 (y - y_hat)^2 ~ 0.072 for
target 1, and dE/dy_hat = -0.38, but not theta2. theta2 (3x1) = 0.2 on every edge is our
reconstruction, not the lecture's: it gives y_hat = 0.6198. Only the numbers live here;
computing with them is the exercise.
"""

import numpy as np

X = np.array([[1.0, 0.5]])                      # one sample, shape (1, 2)
THETA1 = np.array([[1.2, 1.1, 1.5],
                   [0.3, 0.7, 0.3]])            # (2, 3)
THETA2 = np.array([[0.2], [0.2], [0.2]])        # (3, 1)
Y = np.array([[1.0]])                           # target, shape (1, 1)

# What the slides show, rounded as they round them (for checks with a tolerance); the second
# pre-activation is the corrected 1.45 (the slide prints 2.45).
HIDDEN_PRE_ACTIVATIONS = (1.35, 1.45, 1.65)
OUTPUT = 0.62
ERROR = 0.072
DERROR_DOUTPUT = -0.38
