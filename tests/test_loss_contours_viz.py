"""The week-2 loss-contour explorer: its numpy model, and its view without a browser."""

import numpy as np
import pytest

from explorer_checks import assert_named_setups_restore, assert_setup_round_trips

from dlcourse.viz.loss_contours import (
    M,
    LossContourExplorer,
    LossContourModel,
    contour_data,
    show_loss_contours,
)


def test_data_standardized_feature_has_mean_0_std_1_and_maps_to_the_areas():
    x, z, y = contour_data()
    assert x.shape == z.shape == y.shape == (M,)
    assert z.mean() == pytest.approx(0, abs=1e-12) and z.std() == pytest.approx(1)
    assert np.allclose((x - x.mean()) / x.std(), z)


def test_scaling_makes_the_contours_round():
    model = LossContourModel()
    assert model.condition_number(scaled=True) == pytest.approx(1.0)
    assert model.condition_number(scaled=False) > 1000


def test_contour_grid_is_the_mse_and_its_minimum_is_near_the_least_squares_fit():
    model = LossContourModel(scaled=False)
    T0, T1, L = model.loss_grid(n=61)
    assert T0.shape == T1.shape == L.shape == (61, 61)
    i, j = 17, 40
    assert L[i, j] == pytest.approx(model.mse([T0[i, j], T1[i, j]]))
    best = model.optimum()
    assert L.min() >= model.mse(best) - 1e-12
    assert np.allclose(best, np.polyfit(model.x, model.y, 1)[::-1])


def test_path_shape_start_and_descent():
    model = LossContourModel(scaled=True, lr_fraction=0.5, n_steps=30)
    path = model.path()
    assert path.shape == (31, 2) and np.allclose(path[0], model.start())
    losses = model.losses()
    assert np.all(np.diff(losses) <= 1e-12)
    assert np.allclose(path[-1], model.optimum(), atol=1e-8)  # round bowl, lr = 1/λ: one step to the bottom


def test_same_relative_learning_rate_is_far_slower_unscaled():
    model = LossContourModel(lr_fraction=0.9, n_steps=50)
    gap = {s: model.losses(s)[-1] - model.mse(model.optimum(s), s) for s in (False, True)}
    assert gap[True] < 1e-6 < 0.01 < gap[False]


def test_above_the_stable_limit_the_loss_grows():
    model = LossContourModel(scaled=False, lr_fraction=1.1, n_steps=60)
    losses = model.losses()
    assert losses[-1] > losses[0]


def test_view_updates_path_in_place_and_redraws_contours_only_on_the_toggle():
    explorer = LossContourExplorer(scaled=False, lr_fraction=0.9, n_steps=50)
    line, unscaled = explorer.path_line, explorer._contour_sets[False]
    assert len(line.get_xdata()) == 51
    explorer.steps_slider.value = 10
    assert explorer.path_line is line and len(line.get_xdata()) == 11 and list(explorer._contour_sets) == [False]
    explorer.scaled_toggle.value = True
    assert explorer._contour_sets[True].get_visible() and not unscaled.get_visible()
    explorer.scaled_toggle.value = False  # made once, kept: the first plot is shown again
    assert explorer._contour_sets[False] is unscaled and unscaled.get_visible()
    explorer.scaled_toggle.value = True
    assert np.allclose(explorer.optimum_point.get_xdata(), explorer.model.optimum()[:1])
    assert "round" in explorer.ax_contour.get_title()
    explorer.lr_slider.value = 0.5
    assert "0.50 of the stable limit" in explorer.readout.value
    assert np.allclose([line.get_xdata()[-1], line.get_ydata()[-1]], explorer.model.optimum(), atol=1e-6)


def _gradient_descent(grad, x0, lr, n_steps):
    rows = [np.array(x0, dtype=float)]
    for _ in range(n_steps):
        rows.append(rows[-1] - lr * grad(rows[-1]))
    return np.array(rows)


def _mse_gradient(Xb, y, theta):
    return 2.0 / len(y) * Xb.T @ (Xb @ theta - y)


def test_model_runs_the_students_functions_and_matches_torch():
    students = LossContourModel(lr_fraction=0.7, n_steps=30, gradient_descent=_gradient_descent,
                                mse_gradient=_mse_gradient)
    path = students.path()
    assert "your gradient_descent" in students.message
    assert np.allclose(path, LossContourModel(lr_fraction=0.7, n_steps=30).path(), rtol=1e-9, atol=1e-9)


def test_model_falls_back_to_torch_when_the_students_functions_are_unfinished():
    def unfinished(*args):
        raise NotImplementedError()

    model = LossContourModel(n_steps=5, gradient_descent=unfinished, mse_gradient=_mse_gradient)
    assert model.path().shape == (6, 2) and "not written yet" in model.message
    model = LossContourModel(n_steps=5, gradient_descent=lambda *a: np.zeros(3), mse_gradient=_mse_gradient)
    assert model.path().shape == (6, 2) and "shape" in model.message


def test_view_late_binds_the_notebooks_functions():
    namespace = {}
    explorer = show_loss_contours(namespace, n_steps=5)
    assert "not written yet" in explorer.readout.value
    namespace.update(gradient_descent=_gradient_descent, mse_gradient=_mse_gradient)
    explorer.steps_slider.value = 6
    assert "your gradient_descent" in explorer.readout.value


def _students_explorer():
    return LossContourExplorer(gradient_descent=_gradient_descent, mse_gradient=_mse_gradient)


def test_a_saved_setup_restores_the_same_picture():
    setup = assert_setup_round_trips(_students_explorer)
    assert setup == "loss_contours?scaled=true&lr_fraction=1.05&n_steps=53"
    assert_named_setups_restore(_students_explorer)


def test_the_named_setups_zig_zag_go_straight_and_diverge():
    explorer = _students_explorer()
    explorer.restore("standardized goes straight")
    assert explorer.model.scaled and "round" in explorer.ax_contour.get_title()
    offsets = explorer.model.path() - explorer.model.optimum()  # on the line from the start through the minimum
    assert np.allclose(offsets[:, 0] * offsets[0, 1] - offsets[:, 1] * offsets[0, 0], 0, atol=1e-9)
    assert np.abs(offsets[-1]).max() < 1e-3
    explorer.restore("unscaled zig-zags")
    path = explorer.model.path()
    assert not explorer.model.scaled and np.any(np.diff(np.sign(np.diff(path[:, 1]))) != 0)  # the slope zig-zags
    explorer.restore("unscaled above the stable limit diverges")
    losses = explorer.model.losses()
    assert losses[-1] > losses[0]


def test_show_restores_a_named_setup_and_shows_only_the_chosen_controls(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    explorer = show_loss_contours(setup="standardized goes straight", controls=["scaled"])
    assert explorer.scaled_toggle.value is True and explorer.scaled_toggle.layout.display is None
    assert explorer.lr_slider.layout.display == explorer.steps_slider.layout.display == "none"


def test_nothing_is_built_under_grading(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert show_loss_contours({}) is None


def test_the_kept_contour_picture_equals_a_full_draw():
    """Toggling back restores the kept picture of the contours: pixel for pixel a full draw's."""
    explorer = LossContourExplorer(scaled=False, lr_fraction=0.9, n_steps=50)
    canvas = explorer.fig.canvas
    canvas.draw_idle = canvas.draw  # no browser: the full draw it would ask for, at once
    canvas.draw()
    explorer.scaled_toggle.value = True
    explorer.scaled_toggle.value = False  # restored, not drawn
    restored = np.array(canvas.buffer_rgba())
    assert explorer.blitter._kept
    explorer.blitter.redraw(full=True)  # a full draw of the same state
    assert np.array_equal(np.array(canvas.buffer_rgba()), restored)
