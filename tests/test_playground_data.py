"""dlcourse.playground_data: the TensorFlow Playground's data sets, split and features."""

import numpy as np
import pytest

from dlcourse.playground_data import (
    DATASETS,
    FEATURES,
    N_POINTS,
    features,
    make_circle,
    make_dataset,
    make_gauss,
    make_spiral,
    make_xor,
    split_train_test,
)


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("noise", [0.0, 0.25, 0.5])
def test_every_data_set_has_500_points_in_two_classes_inside_the_picture(name, noise):
    X, y = make_dataset(name, noise=noise, seed=3)
    assert X.shape == (N_POINTS, 2) and X.dtype == np.float64, f"got X {X.shape} {X.dtype}"
    assert y.shape == (N_POINTS,) and y.dtype == np.int64 and set(np.unique(y)) == {0, 1}
    limit = 6.0 if name != "gauss" else 12.0  # gauss's blobs widen with noise (variance up to 4)
    assert np.abs(X).max() < limit, f"{name}: a point at {np.abs(X).max():.2f} is outside the [-6, 6] square"


@pytest.mark.parametrize("name", ["circle", "gauss", "spiral"])
def test_circle_gauss_and_spiral_are_exactly_balanced_without_noise(name):
    _, y = make_dataset(name, seed=1)
    assert y.sum() == N_POINTS // 2


def test_xor_is_roughly_balanced():
    _, y = make_xor(seed=1)
    assert 200 < y.sum() < 300, f"{y.sum()} of 500 in class 1"


def test_circle_inner_disc_of_radius_2_5_and_outer_ring_from_3_5_to_5():
    X, y = make_circle(seed=0)
    r = np.hypot(X[:, 0], X[:, 1])
    assert r[y == 1].max() < 2.5 and 3.5 <= r[y == 0].min() and r[y == 0].max() <= 5.0
    # The first half are drawn inside, the second in the ring: the Playground's order.
    assert (r[:250] < 2.5).all() and (r[250:] >= 3.5).all()


def test_circle_noise_mislabels_points_near_the_boundary_but_does_not_move_them():
    X0, y0 = make_circle(noise=0.0, seed=4)
    X, y = make_circle(noise=0.5, seed=4)
    r = np.hypot(X[:, 0], X[:, 1])
    assert ((r < 2.5) | (r >= 3.5)).all()  # positions stay in the disc or the ring
    wrong = (y == 1) != (r < 2.5)
    assert 0.05 < wrong.mean() < 0.5, f"{wrong.mean():.0%} mislabelled at 50% noise"


def test_xor_points_keep_0_3_from_the_axes_and_label_by_the_quadrant():
    X, y = make_xor(seed=2)
    assert np.abs(X).min() >= 0.3 and np.abs(X).max() <= 5.3
    assert np.array_equal(y, (X[:, 0] * X[:, 1] >= 0).astype(int))
    X, y_noisy = make_xor(noise=0.3, seed=2)
    assert (y_noisy != (X[:, 0] * X[:, 1] >= 0)).any()


def test_gauss_blobs_sit_at_plus_and_minus_two_and_widen_with_noise():
    X, y = make_gauss(n=4000, seed=0)
    assert np.allclose(X[y == 1].mean(axis=0), [2, 2], atol=0.1)
    assert np.allclose(X[y == 0].mean(axis=0), [-2, -2], atol=0.1)
    assert X[y == 1].std() == pytest.approx(np.sqrt(0.5), rel=0.05)  # variance 0.5 without noise
    X, y = make_gauss(n=4000, noise=0.5, seed=0)
    assert X[y == 1].std() == pytest.approx(2.0, rel=0.05)  # variance 4 at 50% noise


def test_spiral_without_noise_follows_the_playgrounds_formula():
    X, y = make_spiral(seed=0)
    i = np.arange(250)
    r, t = i / 250 * 5, 1.75 * i / 250 * 2 * np.pi
    assert np.allclose(X[:250], np.column_stack([r * np.sin(t), r * np.cos(t)]))
    assert np.allclose(X[250:], -X[:250])  # the second arm is the first turned by pi
    assert (y[:250] == 1).all() and (y[250:] == 0).all()
    X_noisy, _ = make_spiral(noise=0.5, seed=0)
    shift = np.abs(X_noisy - X)
    assert shift.max() <= 0.5 and shift.max() > 0.4


@pytest.mark.parametrize("name", DATASETS)
def test_the_seed_decides_everything(name):
    a, b, c = (make_dataset(name, noise=0.2, seed=s) for s in (7, 7, 8))
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert not np.array_equal(a[0], c[0])


def test_bad_names_and_noise_levels_are_refused_with_the_choices():
    with pytest.raises(ValueError, match="circle, xor, gauss, spiral"):
        make_dataset("moons")
    with pytest.raises(ValueError, match="0-50%"):
        make_dataset("circle", noise=50)


@pytest.mark.parametrize("share, n_train", [(0.1, 50), (0.5, 250), (0.3, 150), (0.9, 450)])
def test_split_keeps_every_point_once_and_is_seeded(share, n_train):
    X, y = make_dataset("xor", seed=0)
    X_train, y_train, X_test, y_test = split_train_test(X, y, train_share=share, seed=5)
    assert len(X_train) == n_train and len(X_test) == N_POINTS - n_train
    joined = np.concatenate([X_train, X_test])
    assert np.array_equal(np.sort(joined, axis=0), np.sort(X, axis=0))
    pairs = {tuple(p): label for p, label in zip(X, y)}
    assert all(pairs[tuple(p)] == label for p, label in zip(X_train, y_train))
    again = split_train_test(X, y, train_share=share, seed=5)
    assert np.array_equal(again[0], X_train)
    with pytest.raises(ValueError):
        split_train_test(X, y, train_share=1.0)


def test_features_are_the_playgrounds_seven_in_the_order_asked():
    X = np.array([[1.0, 2.0], [-0.5, 3.0]])
    assert list(FEATURES) == ["x1", "x2", "x1²", "x2²", "x1·x2", "sin x1", "sin x2"]
    F = features(X, ["x2", "x1·x2", "sin x1", "x1²"])
    expected = np.column_stack([X[:, 1], X[:, 0] * X[:, 1], np.sin(X[:, 0]), X[:, 0] ** 2])
    assert F.shape == (2, 4) and np.allclose(F, expected)
    assert np.allclose(features(X), X)  # the default: x1, x2
    assert np.allclose(features(X, ["x2²", "sin x2"]), np.column_stack([X[:, 1] ** 2, np.sin(X[:, 1])]))


def test_unknown_or_no_features_are_refused():
    with pytest.raises(ValueError, match="x3"):
        features(np.zeros((3, 2)), ["x1", "x3"])
    with pytest.raises(ValueError, match="at least one"):
        features(np.zeros((3, 2)), [])
