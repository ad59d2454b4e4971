"""The lecture's house-price example (week 1): three houses, three features, one price.

Features, one column each (index j): area in pyeong (평수), number of rooms, km to the subway.
Target: price in 억 won. Rows are samples (index i).
"""

import numpy as np

FEATURE_NAMES = ("area (pyeong)", "rooms", "km to subway")
TARGET_NAME = "price (억 won)"

# (32, 3, 0.3 -> 6), (33, 3, 0.5 -> 7), (36, 4, 0.5 -> 8.5): the slide's table, unchanged.
_X = ((32.0, 3.0, 0.3), (33.0, 3.0, 0.5), (36.0, 4.0, 0.5))
_Y = (6.0, 7.0, 8.5)

# The lecture tries three weight vectors, all with bias 0.5, and reads off the mean absolute error.
LECTURE_BIAS = 0.5
LECTURE_WEIGHTS = ((0.1, 0.3, 3.0), (0.1, 0.3, 4.0), (0.1, 0.2, 2.0))
LECTURE_MAE = (1.0, 0.567, 1.767)  # as printed on the slide, rounded to 3 decimals
# Before any bias, the slide's first computation: w = (0.1, 0.3, 4), b = 0 gives 5.3, 6.2 and 6.8.
LECTURE_FIRST_WEIGHTS = (0.1, 0.3, 4.0)


def house_data() -> tuple[np.ndarray, np.ndarray]:
    """Return fresh copies of the lecture's houses: X of shape (3, 3) and y of shape (3,)."""
    return np.array(_X, dtype=float), np.array(_Y, dtype=float)
