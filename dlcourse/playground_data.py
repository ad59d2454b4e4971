"""The TensorFlow Playground's data sets, generated the way that tool does (its dataset.ts).

Each generator returns (X, y): X float64 of shape (n, 2) in roughly [-6, 6]^2, y int64 labels
0 / 1 (the Playground uses -1 / +1; label 1 here is its +1). `noise` is the Playground's noise
slider divided by 100 (0 to 0.5). Randomness only through `seed`.

Faithful details, because they shape what a network must learn:
- circle: points are drawn inside radius 2.5 (class 1) or in the ring 3.5-5 (class 0); the
  label is decided on the *noisy* position but the point is stored without the noise, so noise
  shows up as mislabelled points near the boundary.
- xor: coordinates uniform in [-5, 5], pushed 0.3 away from the axes; label by the sign of
  x1 * x2 of the noisy position; stored without noise, as circle.
- gauss: two Gaussian blobs at (2, 2) and (-2, -2); noise widens them (variance 0.5 to 4).
- spiral: two interleaved arms of 1.75 turns; noise jitters every point.
"""

from __future__ import annotations

import numpy as np

DATASETS = ("circle", "xor", "gauss", "spiral")
N_POINTS = 500  # the Playground always generates 500 points
RADIUS = 5.0


def _uniform(rng: np.random.Generator, low: float, high: float, size) -> np.ndarray:
    return rng.uniform(low, high, size)


def make_circle(n: int = N_POINTS, noise: float = 0.0, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    half = n // 2
    r = np.concatenate([_uniform(rng, 0, RADIUS * 0.5, half), _uniform(rng, RADIUS * 0.7, RADIUS, n - half)])
    angle = _uniform(rng, 0, 2 * np.pi, n)
    X = np.column_stack([r * np.sin(angle), r * np.cos(angle)])
    noisy = X + _uniform(rng, -RADIUS, RADIUS, (n, 2)) * noise
    y = (np.hypot(noisy[:, 0], noisy[:, 1]) < RADIUS * 0.5).astype(np.int64)
    return X, y


def make_xor(n: int = N_POINTS, noise: float = 0.0, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = _uniform(rng, -5, 5, (n, 2))
    X += np.where(X > 0, 0.3, -0.3)  # padding: keep points off the axes
    noisy = X + _uniform(rng, -5, 5, (n, 2)) * noise
    y = (noisy[:, 0] * noisy[:, 1] >= 0).astype(np.int64)
    return X, y


def make_gauss(n: int = N_POINTS, noise: float = 0.0, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    variance = 0.5 + (4.0 - 0.5) * (noise / 0.5)  # the Playground's linear scale [0, .5] -> [0.5, 4]
    half = n // 2
    centres = np.repeat([[2.0, 2.0], [-2.0, -2.0]], [half, n - half], axis=0)
    X = centres + rng.normal(0.0, np.sqrt(variance), (n, 2))
    y = np.repeat([1, 0], [half, n - half]).astype(np.int64)
    return X, y


def make_spiral(n: int = N_POINTS, noise: float = 0.0, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    half = n // 2
    arms = []
    for delta, count in ((0.0, half), (np.pi, n - half)):
        i = np.arange(count)
        r = i / count * RADIUS
        t = 1.75 * i / count * 2 * np.pi + delta
        arms.append(np.column_stack([r * np.sin(t), r * np.cos(t)]) + _uniform(rng, -1, 1, (count, 2)) * noise)
    X = np.concatenate(arms)
    y = np.repeat([1, 0], [half, n - half]).astype(np.int64)
    return X, y


GENERATORS = {"circle": make_circle, "xor": make_xor, "gauss": make_gauss, "spiral": make_spiral}


def make_dataset(name: str, n: int = N_POINTS, noise: float = 0.0, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The Playground data set `name` (circle, xor, gauss, spiral): (X (n, 2), y (n,) in {0, 1})."""
    if name not in GENERATORS:
        raise ValueError(f"unknown data set {name!r}: choose one of {', '.join(DATASETS)}")
    if not 0.0 <= noise <= 0.5:
        raise ValueError(f"noise must lie in [0, 0.5] (the Playground's 0-50%), got {noise}")
    return GENERATORS[name](n, noise, seed)


def split_train_test(X: np.ndarray, y: np.ndarray, train_share: float = 0.5, seed: int = 0):
    """Shuffle and split as the Playground does (train share 10-90%): (X_train, y_train, X_test, y_test)."""
    if not 0.0 < train_share < 1.0:
        raise ValueError(f"train_share must lie strictly between 0 and 1, got {train_share}")
    order = np.random.default_rng(seed).permutation(len(X))
    cut = int(round(train_share * len(X)))
    return X[order[:cut]], y[order[:cut]], X[order[cut:]], y[order[cut:]]


FEATURES = {
    "x1": lambda X: X[:, 0],
    "x2": lambda X: X[:, 1],
    "x1²": lambda X: X[:, 0] ** 2,
    "x2²": lambda X: X[:, 1] ** 2,
    "x1·x2": lambda X: X[:, 0] * X[:, 1],
    "sin x1": lambda X: np.sin(X[:, 0]),
    "sin x2": lambda X: np.sin(X[:, 1]),
}


def features(X: np.ndarray, names=("x1", "x2")) -> np.ndarray:
    """The Playground's input features of points X (n, 2), in the order given: shape (n, len(names))."""
    unknown = [name for name in names if name not in FEATURES]
    if unknown:
        raise ValueError(f"unknown feature(s) {unknown}: choose from {', '.join(FEATURES)}")
    if not names:
        raise ValueError("choose at least one input feature")
    return np.column_stack([FEATURES[name](X) for name in names])
