"""The week-5 XOR hidden-space explorer: its model and its view without a browser."""

import numpy as np
import pytest

from explorer_checks import assert_named_setups_restore, assert_setup_round_trips

from dlcourse.viz.xor_space import X_XOR, Y_XOR, XorSpaceExplorer, XorSpaceModel, show_xor_space

LECTURE_XOR = {"w11": 1.0, "w21": 1.0, "b1": -0.5, "w12": 1.0, "w22": 1.0, "b2": -1.5,
               "v1": 1.0, "v2": -2.0, "c": -0.5}


def test_default_weights_do_not_solve_xor():
    model = XorSpaceModel()
    assert np.allclose(model.hidden(), X_XOR)  # the hidden layer copies the input
    assert not model.solves_xor() and model.predictions().tolist() == [0, 1, 1, 1]


@pytest.mark.parametrize("activation", ["step", "sigmoid"])
def test_lecture_weights_solve_xor_and_merge_the_middle_points(activation):
    model = XorSpaceModel(LECTURE_XOR, activation)
    H = model.hidden()
    if activation == "step":
        assert H.tolist() == [[0, 0], [1, 0], [1, 0], [1, 1]]
        assert model.solves_xor()
    assert np.allclose(H[1], H[2])  # (0,1) and (1,0) land on the same hidden point


def test_relu_hidden_units_and_output_scores():
    model = XorSpaceModel(LECTURE_XOR, "relu")
    assert np.allclose(model.hidden(), [[0, 0], [0.5, 0], [0.5, 0], [1.5, 0.5]])
    assert np.allclose(model.output_scores(), [-0.5, 0.0, 0.0, 0.0])
    assert model.predictions().tolist() == [0, 0, 0, 0]  # o = 0 is not > 0


def test_line_passes_through_points_on_it():
    xs, ys = XorSpaceModel.line(np.array([1.0, 2.0]), -1.0, 0, 1)
    assert np.allclose(xs + 2 * ys - 1, 0)
    xs, ys = XorSpaceModel.line(np.array([2.0, 0.0]), -1.0, 0, 1)
    assert np.allclose(xs, 0.5)
    assert np.isnan(XorSpaceModel.line(np.zeros(2), 1.0, 0, 1)[0]).all()


def test_view_moves_points_and_reports_the_outputs():
    explorer = XorSpaceExplorer()
    assert "1 of 4 wrong" in explorer.readout.value
    explorer.set_params(LECTURE_XOR)
    assert np.allclose(explorer.hidden_points.get_offsets(), [[0, 0], [1, 0], [1, 0], [1, 1]])
    assert "solves XOR" in explorer.readout.value and len(explorer.wrong_marks.get_xdata()) == 0
    explorer.sliders["c"].value = 0.5
    assert "solves XOR" not in explorer.readout.value
    explorer.menu.value = "tanh"
    assert explorer.ax_h.get_xlim() == (-1.25, 1.25)


def test_no_widgets_under_grading(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert show_xor_space() is None
    assert Y_XOR.tolist() == [0, 1, 1, 0]


def test_a_saved_setup_restores_the_same_picture():
    setup = assert_setup_round_trips(XorSpaceExplorer)
    assert setup.startswith("xor_space?activation=relu&w11=1.3")
    assert_named_setups_restore(XorSpaceExplorer)


def test_the_lecture_setup_solves_xor_when_shown(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    explorer = show_xor_space(setup="XOR solved by hand-set weights", controls=["activation", "c"])
    assert explorer.model.params == LECTURE_XOR and explorer.model.activation == "step"
    assert explorer.model.solves_xor() and "solves XOR" in explorer.readout.value
    assert explorer.menu.layout.display is None and explorer.sliders["c"].layout.display is None
    assert all(slider.layout.display == "none" for name, slider in explorer.sliders.items() if name != "c")
