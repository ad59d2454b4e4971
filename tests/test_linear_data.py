"""The week-3 lecture data: y = 4 + 3x + N(0, 1), x = 2·U(0, 1), m = 100."""

import numpy as np

from dlcourse.linear_data import LECTURE_M, TRUE_THETA, make_linear_data


def test_shapes_and_ranges_are_the_lecture_s():
    X, y = make_linear_data()
    assert LECTURE_M == 100 and X.shape == (100, 1) and y.shape == (100,)
    assert X.dtype == np.float64 and y.dtype == np.float64
    assert 0.0 <= X.min() and X.max() < 2.0


def test_same_seed_same_data_and_fresh_copies():
    X1, y1 = make_linear_data(seed=3)
    X2, y2 = make_linear_data(seed=3)
    assert np.array_equal(X1, X2) and np.array_equal(y1, y2)
    X1[0, 0] = -1.0
    assert make_linear_data(seed=3)[0][0, 0] != -1.0
    assert not np.array_equal(make_linear_data(seed=4)[1], y2)


def test_noise_is_standard_normal_around_the_true_line():
    X, y = make_linear_data(m=20000, seed=1)
    residual = y - (TRUE_THETA[0] + TRUE_THETA[1] * X[:, 0])
    assert abs(residual.mean()) < 0.03 and abs(residual.std() - 1.0) < 0.03
    assert abs(X.mean() - 1.0) < 0.02  # 2·U(0, 1) has mean 1


def test_least_squares_fit_is_near_but_not_at_the_true_parameters():
    X, y = make_linear_data()
    Xb = np.column_stack([np.ones(len(y)), X])
    theta = np.linalg.lstsq(Xb, y, rcond=None)[0]
    distance = np.linalg.norm(theta - np.array(TRUE_THETA))
    assert 0.1 < distance < 0.6, theta  # the notebook says so: near, not at (4, 3)
