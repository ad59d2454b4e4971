"""The week-6 backprop stepper: its autograd model, and its view without a browser."""

import numpy as np
import pytest

from explorer_checks import assert_named_setups_restore, assert_setup_round_trips, change_every_control

from dlcourse import lecture_network
from dlcourse.viz.backprop_stepper import BackpropStepperExplorer, show_backprop_stepper
from dlcourse.viz.backprop_stepper_model import (
    LAST,
    STAGE,
    STAGES,
    BackpropStepperModel,
    backprop_values,
    fmt,
    student_gradients,
)
from dlcourse.viz.binding import late_bound


import week6_answers as answers

STUDENT = answers.LAYERS


def error(x, y, theta1, theta2):
    """E = ½(y − ŷ)² of the 2-3-1 sigmoid network, in plain numpy (the finite-difference reference)."""
    h = 1 / (1 + np.exp(-(np.asarray(x) @ theta1)))
    y_hat = 1 / (1 + np.exp(-(h @ np.reshape(theta2, 3))))
    return 0.5 * (y - y_hat) ** 2


def numeric_gradient(f, theta, h=1e-6):
    grad = np.zeros_like(theta)
    for index in np.ndindex(theta.shape):
        step = np.zeros_like(theta)
        step[index] = h
        grad[index] = (f(theta + step) - f(theta - step)) / (2 * h)
    return grad


def test_forward_pass_gives_the_lectures_numbers():
    v = BackpropStepperModel().values()
    assert np.allclose(v.z_hidden, lecture_network.HIDDEN_PRE_ACTIVATIONS, atol=1e-12)
    assert np.allclose(v.h, [0.794, 0.810, 0.839], atol=5e-4)
    assert v.y_hat == pytest.approx(0.6198, abs=1e-4) and v.y_hat == pytest.approx(lecture_network.OUTPUT, abs=5e-3)
    assert v.error == pytest.approx(0.0723, abs=1e-4) and v.error == pytest.approx(lecture_network.ERROR, abs=5e-4)
    assert v.dy_hat == pytest.approx(lecture_network.DERROR_DOUTPUT, abs=1e-3)


@pytest.mark.parametrize("x, y", [((1.0, 0.5), 1.0), ((-0.7, 1.3), 0.2), ((2.0, -2.0), 0.0)])
def test_autograd_gradients_match_centred_finite_differences(x, y):
    theta1, theta2 = lecture_network.THETA1, lecture_network.THETA2.ravel()
    v = backprop_values(x, y, theta1, theta2, lr=1.0)
    numeric1 = numeric_gradient(lambda t: error(x, y, t, theta2), theta1)
    numeric2 = numeric_gradient(lambda t: error(x, y, theta1, t), theta2)
    assert np.allclose(v.dtheta1, numeric1, rtol=1e-6, atol=1e-10)
    assert np.allclose(v.dtheta2, numeric2, rtol=1e-6, atol=1e-10)


def test_the_chain_rule_links_multiply_to_the_gradients():
    """Each stage's readout multiplies the previous stage's number by a local derivative."""
    v = BackpropStepperModel().values()
    assert v.dy_hat == pytest.approx(v.y_hat - v.y)
    assert v.sigmoid_out == pytest.approx(v.y_hat * (1 - v.y_hat))
    assert v.dz_out == pytest.approx(v.dy_hat * v.sigmoid_out)
    assert np.allclose(v.dtheta2, v.dz_out * v.h)
    assert np.allclose(v.dh, v.dz_out * v.theta2)
    assert np.allclose(v.sigmoid_hidden, v.h * (1 - v.h))
    assert np.allclose(v.dz_hidden, v.dh * v.sigmoid_hidden)
    assert np.allclose(v.dtheta1, np.outer(v.x, v.dz_hidden))


def test_one_gradient_descent_step_lowers_the_error():
    model = BackpropStepperModel(lr=1.0)
    v = model.values()
    assert np.allclose(v.theta1_new, v.theta1 - v.dtheta1) and np.allclose(v.theta2_new, v.theta2 - v.dtheta2)
    assert v.error_new < v.error
    assert v.error_new == pytest.approx(error(v.x, v.y, v.theta1_new, v.theta2_new))
    model.set(lr=5.0)
    assert model.values().error_new < v.error_new  # a larger step, further down here


def test_stages_step_forward_then_backward_and_clamp_at_the_ends():
    model = BackpropStepperModel()
    model.back()
    assert model.stage == 0 and model.phase == "forward"
    assert model.node_lines("h1") == ["h1", "", "", "", ""]  # every value has its slot from the start
    for _ in range(LAST + 5):
        model.step()
    assert model.stage == LAST and model.key == "update"
    model.set(stage=STAGE["dtheta2"])
    assert model.phase == "backward" and model.shown("dz_out") and not model.shown("dh")
    nodes, edges = model.active()
    assert edges == {("h", 0), ("h", 1), ("h", 2)} and "out" in nodes
    assert model.edge_lines(("h", 0))[1] == f"∂E/∂θ {fmt(model.values().dtheta2[0])}"
    assert model.edge_lines(("x", 0, 0))[1] == ""  # θ1's gradients come three stages later
    assert [key for key, _, _ in STAGES][6:12] == ["dy_hat", "dz_out", "dtheta2", "dh", "dz_hidden", "dtheta1"]


def test_formulas_write_the_chain_rule_with_the_numbers():
    model = BackpropStepperModel()
    model.set(stage=STAGE["z_hidden"])
    assert "1.00·1.20 + 0.500·0.300 = <b>1.35</b>" in model.formula()[0]
    model.set(stage=STAGE["dy_hat"])
    assert model.formula()[0].endswith("<b>−0.380</b>")
    model.set(stage=STAGE["dtheta2"])
    line = model.formula()[0]
    assert "∂E/∂ŷ · σ'(z_out) · h1 = −0.380 · 0.236 · 0.794" in line
    model.set(stage=STAGE["update"])
    assert "E: 0.0723 →" in model.formula()[1] and "(lower)" in model.formula()[1]


def test_inputs_and_target_recompute_the_pass():
    model = BackpropStepperModel()
    model.set(x1=0.0, x2=0.0, y=0.5)
    v = model.values()
    assert np.allclose(v.z_hidden, 0) and np.allclose(v.h, 0.5)
    with pytest.raises(TypeError):
        model.set(x3=1.0)


def test_correct_student_functions_agree_with_autograd():
    v = BackpropStepperModel().values()
    (dW1, dW2), why = student_gradients(STUDENT, v.x, v.y, v.theta1, v.theta2)
    assert why == "" and np.allclose(dW1, v.dtheta1) and np.allclose(dW2.ravel(), v.dtheta2)
    check = BackpropStepperModel(functions=STUDENT).student_check()
    assert check.count("✓") == 2 and "✗" not in check


def test_a_wrong_backward_is_flagged_with_its_difference():
    wrong = dict(STUDENT, sigmoid_backward=lambda dout, cache: dout)  # forgot σ'(z)
    check = BackpropStepperModel(functions=wrong).student_check()
    assert check.count("✗") == 2 and "max |Δ|" in check


def test_unfinished_student_functions_give_a_message_not_an_error():
    def stub(*args):
        raise NotImplementedError()

    stubs = {name: stub for name in STUDENT}
    check = BackpropStepperModel(functions=stubs).student_check()
    assert "linear_forward() is not written yet" in check
    half = dict(STUDENT, linear_backward=stub)
    assert "linear_backward() is not written yet" in BackpropStepperModel(functions=half).student_check()
    broken = dict(STUDENT, sigmoid_forward=lambda z: 1 / (1 + np.exp(-z)))  # no cache returned
    assert "unexpected" in BackpropStepperModel(functions=broken).student_check()
    assert BackpropStepperModel().student_check() is None


def test_view_steps_through_the_stages_and_updates_in_place():
    explorer = BackpropStepperExplorer(STUDENT)
    slot, edge = explorer.node_slots["h1"][1], explorer.edge_lines[("x", 0, 0)]
    assert explorer.back_button.disabled and "stage 0" in explorer.title.get_text()
    explorer.step_button.click()
    assert explorer.node_slots["h1"][1] is slot and slot.get_text() == "z = 1.35"
    assert edge.get_linewidth() == 3.0 and "1.35" in explorer.readout.value
    assert "your functions give" in explorer.readout.value and explorer.readout.value.count("✓") == 2
    for _ in range(STAGE["dtheta1"] - 1):
        explorer.step_button.click()
    assert "∂E/∂θ" in explorer.edge_text(("x", 0, 0))
    assert explorer.node_boxes["h1"].get_edgecolor()[0] > 0.5  # red: backward
    explorer.back_button.click()
    assert "∂E/∂θ" not in explorer.edge_text(("x", 0, 0))


def test_view_sliders_recompute_and_the_update_stage_follows_the_learning_rate():
    explorer = BackpropStepperExplorer()
    for _ in range(LAST):
        explorer.step_button.click()
    assert explorer.step_button.disabled and "new E" in explorer.node_text("E")
    before = explorer.node_text("E")
    explorer.lr_slider.value = 5.0
    assert explorer.node_text("E") != before
    explorer.sliders["x1"].value = 0.0
    assert explorer.node_text("x1") == "x1 = 0.00"
    explorer.sliders["y"].value = 0.5
    assert "target y = 0.500" in explorer.node_text("E")


def test_view_calls_the_notebooks_functions_as_they_are_at_each_click():
    namespace = {}
    explorer = BackpropStepperExplorer({name: late_bound(namespace, name) for name in STUDENT})
    assert "not written yet" in explorer.readout.value
    namespace.update(STUDENT)
    explorer.step_button.click()
    assert explorer.readout.value.count("✓") == 2


def test_no_widgets_under_grading(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert show_backprop_stepper(globals()) is None


def test_cached_texts_paint_the_same_pixels_as_plain_matplotlib_texts():
    """The view pastes unchanged labels from a cache; the picture must not change by it."""
    from matplotlib.text import Text

    explorer = BackpropStepperExplorer()
    explorer.model.set(stage=STAGE["dtheta2"])
    explorer.update()
    canvas = explorer.fig.canvas
    canvas.draw()
    canvas.draw()  # the second draw pastes every label from the cache
    cached = np.asarray(canvas.buffer_rgba()).astype(int)
    for text in [explorer.title, *sum(explorer.node_slots.values(), []), *sum(explorer.edge_slots.values(), [])]:
        text.__class__ = Text
    canvas.draw()
    plain = np.asarray(canvas.buffer_rgba()).astype(int)
    assert np.abs(cached - plain).max() <= 2  # rounding where a translucent label box is composited


def test_a_saved_setup_restores_the_same_picture():
    def change(explorer):
        change_every_control(explorer)
        for _ in range(STAGE["dz_hidden"]):
            explorer.step_button.click()

    setup = assert_setup_round_trips(BackpropStepperExplorer, change)
    assert setup.endswith("&stage=dz_hidden") and "x1=1.15&" in setup
    assert_named_setups_restore(BackpropStepperExplorer)


def test_the_named_setups_stop_the_lectures_network_at_its_stages():
    explorer = BackpropStepperExplorer()
    explorer.restore("the lecture's network, after the backward pass")
    assert explorer.model.stage == STAGE["dtheta1"] and "∂E/∂θ" in explorer.edge_text(("x", 0, 0))
    assert not explorer.back_button.disabled and "x = [1.00, 0.500]" not in explorer.readout.value
    explorer.restore("the lecture's network, after one gradient step")
    assert explorer.step_button.disabled and "(lower)" in explorer.readout.value
    explorer.restore("stage=3")
    assert explorer.model.key == "z_out"
    with pytest.raises(ValueError, match="is not a stage"):
        explorer.restore("stage=dtheta3")
    assert explorer.model.key == "z_out"


def test_the_stage_is_in_the_setup_box_as_it_steps():
    explorer = BackpropStepperExplorer()
    explorer.setup_button.value = True
    explorer.step_button.click()
    assert explorer.setup_box.value.endswith("stage=z_hidden")
    explorer.back_button.click()
    assert explorer.setup_box.value == explorer.setup() and explorer.setup_box.value.endswith("&stage=inputs")


def test_a_named_setup_and_chosen_controls_when_shown(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    explorer = show_backprop_stepper(setup="the lecture's network, after the forward pass", controls=["step", "lr"])
    assert explorer.model.key == "error" and "E = ½(y − ŷ)²" in explorer.readout.value
    assert explorer.back_button.layout.display == "none" and explorer.step_button.layout.display is None
    assert all(slider.layout.display == "none" for slider in explorer.sliders.values())
    assert explorer.lr_slider.layout.display is None
