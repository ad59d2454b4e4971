"""The week-2 learning-rate explorer: its numpy model, and its view without a browser."""

import numpy as np
import pytest

from explorer_checks import assert_named_setups_restore, assert_setup_round_trips

from dlcourse.viz.learning_rate import (
    CURVES,
    LearningRateExplorer,
    LearningRateModel,
    classify,
    show_learning_rate,
)


def lecture_gradient_descent(grad, x0, lr, n_steps):
    """The lecture's gradient descent (the students write their own in a02)."""
    x = np.array(x0, dtype=float)
    path = [x]
    for _ in range(n_steps):
        x = x - lr * grad(x)
        path.append(x)
    return np.array(path)


@pytest.mark.parametrize("lr, verdict", [(0.5, "converges"), (1.0, "oscillates"), (1.5, "diverges"),
                                         (0.001, "converges"), (0.9, "converges"), (1.01, "diverges")])
def test_x_squared_converges_below_one_oscillates_at_one_diverges_above(lr, verdict):
    model = LearningRateModel(lecture_gradient_descent, curve="convex", lr=lr, x0=2.0)
    assert model.verdict() == verdict


def test_path_has_one_row_per_step_plus_the_start():
    model = LearningRateModel(lecture_gradient_descent, lr=0.25, x0=2.0, n_steps=3)
    assert np.allclose(model.path(), [2.0, 1.0, 0.5, 0.25])


def test_stable_range_is_two_over_the_curvature_at_each_minimum():
    assert LearningRateModel(curve="convex").stable_ranges() == [(0.0, 1.0)]
    (x_global, bound_global), (x_local, bound_local) = LearningRateModel(curve="quartic").stable_ranges()
    quartic = CURVES["quartic"]
    assert quartic.f(x_global) < quartic.f(x_local)
    for x_star, bound in ((x_global, bound_global), (x_local, bound_local)):
        assert abs(quartic.df(x_star)) < 1e-9
        assert bound == pytest.approx(2 / (12 * x_star**2 - 6))
    assert x_global == pytest.approx(-1.3008, abs=1e-3) and x_local == pytest.approx(1.1309, abs=1e-3)


def test_quartic_started_on_the_right_settles_in_the_local_minimum():
    model = LearningRateModel(lecture_gradient_descent, curve="quartic", lr=0.05, x0=1.8, n_steps=100)
    _, (x_local, _) = model.stable_ranges()
    assert model.verdict() == "converges" and model.path()[-1] == pytest.approx(x_local, abs=1e-6)
    model.set(lr=0.3)
    assert model.verdict() == "diverges"


def test_a_bounded_two_cycle_is_an_oscillation():
    assert classify(np.tile([1.0, -1.0], 50), np.array([0.0])) == "oscillates"
    assert classify(np.array([1.0, np.nan]), np.array([0.0])) == "diverges"


def test_model_survives_missing_unfinished_or_broken_student_functions():
    assert LearningRateModel().path() is None
    def unfinished(grad, x0, lr, n_steps):
        raise NotImplementedError()
    model = LearningRateModel(unfinished)
    assert model.path() is None and model.verdict() is None and "not written" in model.message
    model = LearningRateModel(lambda grad, x0, lr, n: np.zeros(n))
    assert model.path() is None and "shape" in model.message


def test_diverging_runs_raise_no_warnings():
    with np.errstate(all="raise"):
        model = LearningRateModel(lecture_gradient_descent, curve="quartic", lr=3.0, x0=2.0, n_steps=100)
        assert model.verdict() == "diverges"


def test_set_rejects_unknown_curves_and_settings():
    with pytest.raises(ValueError):
        LearningRateModel().set(curve="cubic")
    with pytest.raises(TypeError):
        LearningRateModel().set(momentum=0.9)


def test_view_updates_the_path_and_the_verdict_in_place_when_sliders_move():
    explorer = LearningRateExplorer(lecture_gradient_descent, lr=0.1, x0=2.0, n_steps=20)
    path_line, marker = explorer.path_line, explorer.lr_marker
    assert len(path_line.get_xdata()) == 21 and explorer.verdict_text.get_text() == "converges"
    explorer.lr_slider.value = 1.0
    assert explorer.path_line is path_line and explorer.verdict_text.get_text() == "oscillates"
    assert np.allclose(np.abs(path_line.get_xdata()), 2.0)
    assert marker.get_xdata()[0] == pytest.approx(1.0)
    explorer.lr_slider.value = 1.5
    assert explorer.verdict_text.get_text() == "diverges"
    explorer.steps_slider.value = 5
    assert len(path_line.get_xdata()) == 6


def test_view_switches_curve_and_moves_the_stable_range():
    explorer = LearningRateExplorer(lecture_gradient_descent)
    assert explorer.stable_patch.get_x() + explorer.stable_patch.get_width() == pytest.approx(1.0)
    explorer.curve_choice.value = "quartic"
    bound = 2 / (12 * CURVES["quartic"].global_minimum() ** 2 - 6)
    assert explorer.stable_patch.get_x() + explorer.stable_patch.get_width() == pytest.approx(bound)
    assert len(explorer.minima_points.get_xdata()) == 2
    explorer.x0_slider.value = -1.0
    assert explorer.path_line.get_xdata()[0] == pytest.approx(-1.0)


def test_view_without_a_student_function_shows_the_curve_and_says_why():
    explorer = LearningRateExplorer(None)
    assert len(explorer.curve_line.get_xdata()) > 0 and len(explorer.path_line.get_xdata()) == 0
    assert "gradient_descent" in explorer.readout.value


def test_the_quartic_presets_end_in_the_local_then_the_global_minimum():
    explorer = LearningRateExplorer(lecture_gradient_descent)
    explorer.preset.value = "quartic: small rate"
    assert explorer.curve_choice.value == "quartic" and explorer.path_line.get_xdata()[-1] == pytest.approx(1.1309, abs=1e-3)
    explorer.preset.value = "quartic: larger rate"
    assert explorer.lr_slider.value == pytest.approx(0.1) and explorer.path_line.get_xdata()[-1] == pytest.approx(-1.3008, abs=1e-3)
    assert explorer.verdict_text.get_text() == "converges"


def test_a_saved_setup_restores_the_same_picture():
    setup = assert_setup_round_trips(lambda: LearningRateExplorer(lecture_gradient_descent))
    assert setup.startswith("learning_rate?curve=quartic&lr=0.1") and setup.endswith("&n_steps=23")
    assert_named_setups_restore(lambda: LearningRateExplorer(lecture_gradient_descent))


@pytest.mark.parametrize("name, verdict", [("lr small converges slowly", "converges"),
                                           ("lr = 1 oscillates", "oscillates"),
                                           ("lr too large diverges", "diverges"),
                                           ("quartic: larger rate", "converges")])
def test_each_named_setup_shows_its_verdict(name, verdict):
    explorer = LearningRateExplorer(lecture_gradient_descent)
    explorer.restore(name)
    assert explorer.verdict_text.get_text() == verdict
    if name == "lr small converges slowly":
        assert explorer.path_line.get_xdata()[-1] > 1.0  # 20 small steps from 2 are still far from 0
    if name == "quartic: larger rate":
        assert explorer.path_line.get_xdata()[-1] == pytest.approx(-1.3008, abs=1e-3)


def test_show_restores_a_named_setup_and_shows_only_the_chosen_controls(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    explorer = show_learning_rate(gradient_descent=lecture_gradient_descent, setup="lr too large diverges",
                                  controls=["lr"])
    assert explorer.verdict_text.get_text() == "diverges" and explorer.lr_slider.value == 1.5
    assert explorer.lr_slider.layout.display is None
    for hidden in (explorer.curve_choice, explorer.x0_slider, explorer.steps_slider, explorer.preset):
        assert hidden.layout.display == "none"


def test_nothing_is_built_under_grading(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert show_learning_rate({}) is None
