"""The week-5 vanishing-gradient explorer: per-layer gradient sizes and the view."""

import numpy as np
import torch

from explorer_checks import assert_named_setups_restore, assert_setup_round_trips

from dlcourse.viz.vanishing_gradients import (
    VanishingGradientExplorer,
    VanishingGradientModel,
    show_vanishing_gradients,
)


def test_norms_have_one_entry_per_layer_and_are_deterministic():
    a = VanishingGradientModel(depth=7).gradient_norms()
    b = VanishingGradientModel(depth=7).gradient_norms()
    assert a.shape == (7,) and np.array_equal(a, b) and (a > 0).all()


def test_sigmoid_gradients_vanish_and_relu_he_gradients_do_not():
    sig = VanishingGradientModel(depth=20, activation="sigmoid", scale=1.0).gradient_norms()
    assert sig[0] / sig[-1] < 1e-8
    relu = VanishingGradientModel(depth=20, activation="relu", scale=np.sqrt(2)).gradient_norms()
    assert 1e-2 < relu[0] / relu[-1] < 1e2


def test_matches_a_manual_torch_backward():
    model = VanishingGradientModel(depth=3, activation="tanh", scale=1.5)
    Ws = [torch.tensor(1.5 * model._weights[l], requires_grad=True) for l in range(3)]
    h = torch.from_numpy(model._X)
    for W in Ws:
        h = torch.tanh(h @ W)
    (h @ torch.from_numpy(model._r)).mean().backward()
    assert np.allclose(model.gradient_norms(), [float(W.grad.norm()) for W in Ws])


def test_view_follows_the_controls():
    explorer = VanishingGradientExplorer(depth=5)
    assert len(explorer.norm_line.get_xdata()) == 5
    explorer.depth_slider.value = 12
    assert len(explorer.norm_line.get_xdata()) == 12
    explorer.menu.value = "relu"
    explorer.scale_slider.value = 1.4
    assert explorer.model.activation == "relu" and explorer.model.scale == 1.4
    assert "first / last" in explorer.readout.value


def test_no_widgets_under_grading(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert show_vanishing_gradients() is None


def test_a_saved_setup_restores_the_same_picture():
    setup = assert_setup_round_trips(VanishingGradientExplorer)
    assert setup == "vanishing_gradients?depth=13&activation=relu&scale=1.15"
    assert_named_setups_restore(VanishingGradientExplorer)


def test_the_lecture_setups_when_shown(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    explorer = show_vanishing_gradients(setup="vanishing gradients at depth 8", controls=["activation"])
    norms = explorer.model.gradient_norms()
    assert len(explorer.norm_line.get_xdata()) == 8 and norms[0] / norms[-1] < 1e-3
    assert explorer.menu.layout.display is None
    assert explorer.depth_slider.layout.display == "none" and explorer.scale_slider.layout.display == "none"
    explorer.restore("ReLU at depth 8, He scale 1.4")
    norms = explorer.model.gradient_norms()
    assert explorer.model.activation == "relu" and 1e-2 < norms[0] / norms[-1] < 1e2
