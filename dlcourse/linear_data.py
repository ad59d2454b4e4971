"""The lecture's linear data (week 3): y = 4 + 3x + noise, the classic example for batch, mini-batch and SGD.

    x = 2·U(0, 1),   y = 4 + 3·x + N(0, 1),   m = 100 samples.

The *true* parameters are (θ0, θ1) = (4, 3). The least-squares fit to one noisy sample of 100
points is near (4, 3) but not at it: the noise moves it. With the default seed it is about
(4.26, 2.85). No algorithm trained on these 100 points should be expected to find (4, 3)
exactly; the best any of them can do on the training loss is the least-squares point.
"""

from __future__ import annotations

import numpy as np

TRUE_THETA = (4.0, 3.0)  # (θ0, θ1): intercept and slope that generated the data
NOISE_STD = 1.0
LECTURE_M = 100
LECTURE_SEED = 2026


def make_linear_data(m: int = LECTURE_M, seed: int = LECTURE_SEED) -> tuple[np.ndarray, np.ndarray]:
    """Draw the lecture's data: X of shape (m, 1) with x = 2·U(0, 1), y of shape (m,) = 4 + 3x + N(0, 1).

    Deterministic: the same (m, seed) gives the same arrays (fresh copies each call).
    """
    if m < 0:
        raise ValueError(f"m must be >= 0, got {m}")
    rng = np.random.default_rng(seed)
    X = 2.0 * rng.random((m, 1))
    y = TRUE_THETA[0] + TRUE_THETA[1] * X[:, 0] + NOISE_STD * rng.normal(size=m)
    return X, y

