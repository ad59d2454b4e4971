"""The week-4 bias-variance explorer: its numpy model, and its view without a browser."""

import numpy as np
import pytest

from explorer_checks import assert_named_setups_restore, assert_setup_round_trips

from dlcourse.viz.bias_variance import (
    DEGREES,
    N_DATASETS,
    NOISE_STD,
    X_EVAL,
    BiasVarianceExplorer,
    BiasVarianceModel,
    show_bias_variance,
    true_f,
)


def lecture_simulate_fits(f, degree, n_datasets, n_samples, noise_std, x_eval, seed, l2=0.0):
    """A correct simulate_fits, as a student would write it (tests only; the library has none)."""
    rng = np.random.default_rng(seed)
    E = np.vander(np.asarray(x_eval, dtype=float), degree + 1, increasing=True)
    D = np.eye(degree + 1)
    D[0, 0] = 0.0
    out = np.empty((n_datasets, len(x_eval)))
    for j in range(n_datasets):
        x = rng.uniform(0, 1, n_samples)
        y = f(x) + noise_std * rng.standard_normal(n_samples)
        Phi = np.vander(x, degree + 1, increasing=True)
        out[j] = E @ np.linalg.lstsq(np.vstack([Phi, np.sqrt(l2) * D[1:]]),
                                     np.concatenate([y, np.zeros(degree)]), rcond=None)[0]
    return out


def lecture_decomposition(predictions, f_eval, noise_var):
    """A correct bias_variance_decomposition (tests only)."""
    bias2 = float(np.mean((predictions.mean(axis=0) - f_eval) ** 2))
    variance = float(np.mean(predictions.var(axis=0)))
    return {"bias2": bias2, "variance": variance, "noise": noise_var, "expected_mse": bias2 + variance + noise_var}


def unfinished(*args):
    raise NotImplementedError()


@pytest.fixture(scope="module")
def model():
    return BiasVarianceModel(lecture_simulate_fits, lecture_decomposition, degree=3)


def test_truth_is_a_sine_period():
    assert np.allclose(true_f(np.array([0.0, 0.25, 0.5])), [0.0, 1.0, 0.0], atol=1e-12)


def test_model_calls_the_student_functions_with_the_lecture_settings(model):
    predictions = model.predictions()
    assert predictions.shape == (N_DATASETS, X_EVAL.size)
    parts = model.decompose()
    assert parts["noise"] == pytest.approx(NOISE_STD ** 2)
    assert model.predictions() is predictions  # cached


def test_measured_test_mse_matches_the_sum_of_the_parts(model):
    for degree in (1, 3, 6):
        parts = model.decompose(degree, 0.0)
        total = parts["bias2"] + parts["variance"] + parts["noise"]
        assert model.measured_mse(model.predictions(degree, 0.0)) == pytest.approx(total, rel=0.08)


def test_complexity_curve_bias_falls_and_variance_rises(model):
    curve = model.curve(0.0)
    assert set(curve) == {"bias2", "variance", "total", "measured"}
    assert np.isfinite(curve["total"]).all()
    bias2, variance = curve["bias2"], curve["variance"]
    assert bias2[1] > bias2[3] > bias2[6] and variance[3] < variance[7] < variance[10]
    best = DEGREES[int(np.argmin(curve["total"]))]
    assert 3 <= best <= 7


def test_l2_trades_variance_for_bias(model):
    loose, tight = model.decompose(10, 0.0), model.decompose(10, 1e-2)
    assert tight["variance"] < loose["variance"] and tight["bias2"] > loose["bias2"]


def test_unfinished_functions_give_messages_not_errors():
    model = BiasVarianceModel(unfinished, unfinished)
    state = model.state()
    assert state["predictions"] is None and "simulate_fits is not written yet" in model.message
    assert np.isnan(state["curve"]["total"]).all()
    model = BiasVarianceModel(lecture_simulate_fits, unfinished)
    state = model.state()
    assert state["predictions"] is not None and state["parts"] is None
    assert "bias_variance_decomposition is not written yet" in model.message
    assert np.isfinite(state["curve"]["measured"]).all()  # measured directly, without the student's decomposition


def test_a_wrong_shape_is_reported():
    model = BiasVarianceModel(lambda *args: np.zeros(3), lecture_decomposition)
    assert model.predictions() is None and "shape" in model.message


def test_view_updates_fits_bars_and_marker_when_the_degree_changes():
    explorer = BiasVarianceExplorer(lecture_simulate_fits, lecture_decomposition, degree=1)
    explorer.degree_slider.value = 5
    model = explorer.model
    assert len(explorer.fits.get_segments()) == 20
    assert np.allclose(explorer.mean_line.get_ydata(), model.predictions(5, 0.0).mean(axis=0))
    parts = model.decompose(5, 0.0)
    assert explorer.bars[0].get_height() == pytest.approx(min(parts["bias2"], explorer.bar_top))
    assert explorer.bars[4].get_height() == pytest.approx(min(model.measured_mse(model.predictions(5, 0.0)),
                                                              explorer.bar_top))
    assert explorer.degree_line.get_xdata()[0] == 5
    assert "degree <b>5</b>" in explorer.readout.value
    explorer.fig.canvas.draw()


def test_view_l2_slider_changes_the_curve_and_blits_only():
    explorer = BiasVarianceExplorer(lecture_simulate_fits, lecture_decomposition, degree=10)
    asked = []
    explorer.fig.canvas.draw_idle = lambda *args, **kwargs: asked.append(True)
    explorer.fig.canvas.draw()
    before = explorer.curve_lines["variance"].get_ydata().copy()
    explorer.l2_slider.value = 1e-2
    assert asked == []
    assert explorer.curve_lines["variance"].get_ydata()[-1] < before[-1]


def test_late_bound_functions_are_picked_up_after_rerun(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    namespace = {}
    explorer = show_bias_variance(namespace)
    assert "not" in explorer.model.message and "simulate_fits" in explorer.model.message
    namespace["simulate_fits"] = lecture_simulate_fits
    namespace["bias_variance_decomposition"] = lecture_decomposition
    explorer.rerun.click()
    assert explorer.model.message == "" and explorer.model.decompose() is not None


def test_nothing_is_built_under_grading(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert show_bias_variance({}) is None


def build():
    return BiasVarianceExplorer(lecture_simulate_fits, lecture_decomposition)


def test_a_saved_setup_restores_the_same_picture():
    setup = assert_setup_round_trips(build)
    assert setup == "bias_variance?degree=6&l2=10"
    assert_named_setups_restore(build)


def test_a_named_setup_and_chosen_controls_when_shown(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    explorer = show_bias_variance(simulate_fits=lecture_simulate_fits, decomposition=lecture_decomposition,
                                  setup="degree 10 tamed by L2", controls=["degree"])
    assert (explorer.degree_slider.value, explorer.l2_slider.value) == (10, 1e-2)
    assert explorer.model.degree == 10 and explorer.model.l2 == 1e-2
    assert explorer.degree_slider.layout.display is None
    assert explorer.l2_slider.layout.display == "none" and explorer.rerun.layout.display == "none"
