"""The week-5 activation explorer: its numpy model and its view without a browser."""

import numpy as np
import pytest

from explorer_checks import assert_named_setups_restore, assert_setup_round_trips

from dlcourse.viz.activations import (
    BINS,
    ActivationExplorer,
    ActivationModel,
    show_activations,
    torch_curves,
)


def lecture_sigmoid(z):
    """A correct sigmoid as a student would write it (tests only; the library has none)."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def lecture_sigmoid_grad(z):
    s = lecture_sigmoid(z)
    return s * (1 - s)


STUDENT = {"sigmoid": lecture_sigmoid, "sigmoid_grad": lecture_sigmoid_grad,
           "relu": lambda z: np.maximum(z, 0.0), "relu_grad": lambda z: (z > 0).astype(float)}


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "leaky_relu", "step"])
def test_torch_fallback_curves_match_closed_forms(name):
    z = np.linspace(-5, 5, 101)
    f, fp = torch_curves(name, z)
    s = 1 / (1 + np.exp(-z))
    expected = {"sigmoid": (s, s * (1 - s)), "tanh": (np.tanh(z), 1 - np.tanh(z) ** 2),
                "relu": (np.maximum(z, 0), (z > 0) * 1.0),
                "leaky_relu": (np.where(z > 0, z, 0.01 * z), np.where(z > 0, 1.0, 0.01)),
                "step": ((z > 0) * 1.0, np.zeros_like(z))}[name]
    assert np.allclose(f, expected[0]) and np.allclose(fp[z != 0], expected[1][z != 0])


def test_model_uses_the_students_functions_and_says_so():
    model = ActivationModel(STUDENT)
    f, fp, source = model.curves()
    assert source == "yours" and model.message == ""
    assert np.allclose(f, lecture_sigmoid(model.z_grid)) and np.isclose(fp.max(), 0.25)


def test_unfinished_functions_fall_back_to_torch_with_a_message():
    def unfinished(z):
        raise NotImplementedError()

    model = ActivationModel({"sigmoid": unfinished, "sigmoid_grad": lecture_sigmoid_grad})
    f, fp, source = model.curves()
    assert source == "torch" and "sigmoid() is not written yet" in model.message
    assert np.allclose(f, lecture_sigmoid(model.z_grid))
    model.activation = "tanh"  # nothing given at all
    f, fp, source = model.curves()
    assert source == "torch" and np.allclose(f, np.tanh(model.z_grid))


def test_a_wrong_shape_or_a_crash_gives_a_message_not_an_error():
    model = ActivationModel({"sigmoid": lambda z: 0.5, "sigmoid_grad": lambda z: 1 / 0})
    _, _, source = model.curves()
    assert source == "torch" and "expected shape" in model.message and "ZeroDivisionError" in model.message


def test_weight_scale_spreads_the_preactivations_and_saturates_sigmoid():
    model = ActivationModel(STUDENT)
    model.scale = 0.01
    assert np.std(model.preactivations()) == pytest.approx(0.1, rel=0.1)
    small = model.saturated_fraction()
    model.scale = 1.0
    assert np.std(model.preactivations()) == pytest.approx(10, rel=0.1)
    large = model.saturated_fraction()
    assert small == 0.0 and large > 0.5
    assert model.histogram().sum() == pytest.approx(1.0) and len(model.histogram()) == len(BINS) - 1


def test_relu_never_saturates_on_the_positive_side():
    model = ActivationModel(STUDENT)
    model.activation, model.scale = "relu", 1.0
    assert 0.4 < model.saturated_fraction() < 0.6  # only the negative half has f' = 0


def test_view_updates_curves_histogram_and_readout():
    explorer = ActivationExplorer(STUDENT)
    before = explorer.hist_line.get_ydata().copy()
    explorer.scale_slider.value = 0.8
    assert not np.array_equal(before, explorer.hist_line.get_ydata())
    assert "saturated" in explorer.readout.value and "your functions" in explorer.readout.value
    explorer.menu.value = "tanh"
    assert np.allclose(explorer.f_line.get_ydata(), np.tanh(explorer.model.z_grid))
    assert "PyTorch" in explorer.readout.value


def test_late_bound_namespace_picks_up_functions_defined_later(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    namespace = {}
    explorer = show_activations(namespace)
    assert explorer.model.curves()[2] == "torch"
    namespace.update(STUDENT)
    assert explorer.model.curves()[2] == "yours"


def test_no_widgets_under_grading(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert show_activations({}) is None


def test_a_saved_setup_restores_the_same_picture():
    setup = assert_setup_round_trips(lambda: ActivationExplorer(STUDENT))
    assert setup == "activations?activation=step&scale=0.13"
    assert_named_setups_restore(lambda: ActivationExplorer(STUDENT))


def test_a_named_setup_and_chosen_controls_when_shown(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    explorer = show_activations(functions=STUDENT, setup="tanh saturates: large weights",
                                controls=["scale"])
    assert (explorer.model.activation, explorer.model.scale) == ("tanh", 1.0)
    assert "<b>tanh</b>" in explorer.readout.value
    assert explorer.menu.layout.display == "none" and explorer.scale_slider.layout.display is None
