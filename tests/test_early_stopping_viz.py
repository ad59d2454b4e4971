"""The week-3 early-stopping explorer: its numpy model, and its view without a browser."""

import copy
import math

import numpy as np
import pytest

from explorer_checks import assert_named_setups_restore, assert_setup_round_trips

from dlcourse.viz.early_stopping import (
    N_EPOCHS,
    EarlyStoppingExplorer,
    EarlyStoppingModel,
    features,
    show_early_stopping,
    train_curves,
)


class LectureEarlyStopping:
    """A correct EarlyStopping, as a student would write it (tests only; the library has none)."""

    def __init__(self, patience):
        self.patience, self.best_loss, self.best_epoch, self.best_params = patience, math.inf, None, None
        self.calls = self.worse = 0

    def step(self, val_loss, params):
        if val_loss < self.best_loss:
            self.best_loss, self.best_epoch, self.best_params = val_loss, self.calls, copy.deepcopy(params)
            self.worse = 0
        else:
            self.worse += 1
        self.calls += 1
        return self.worse >= self.patience


class StoresReference(LectureEarlyStopping):
    def step(self, val_loss, params):
        stop = super().step(val_loss, params)
        if self.best_epoch == self.calls - 1:
            self.best_params = params
        return stop


def reference_stop(val, patience):
    best, worse = math.inf, 0
    for epoch, v in enumerate(val):
        if v < best:
            best, best_epoch, worse = v, epoch, 0
        else:
            worse += 1
        if worse >= patience:
            return epoch, best_epoch
    return None, best_epoch


def test_features_are_legendre_polynomials_of_x_minus_one():
    Phi = features(np.array([[0.0], [1.0], [2.0]]), 2)
    assert np.allclose(Phi, [[1, -1, 1], [1, 0, -0.5], [1, 1, 1]])


def test_degree_9_overfits_and_degree_1_does_not():
    c9 = train_curves(9)
    val9, train9 = np.sqrt(c9["val_mse"]), np.sqrt(c9["train_mse"])
    assert c9["weights"].shape == (N_EPOCHS, 10)
    assert train9[-1] < train9[20] and val9[-1] > val9.min() + 0.2  # validation rises again
    val1 = np.sqrt(train_curves(1)["val_mse"])
    assert val1[-1] < val1.min() + 0.05


def test_curves_are_deterministic():
    assert np.array_equal(train_curves(3)["weights"], train_curves(3)["weights"])


@pytest.mark.parametrize("patience", [1, 3, 5, 12])
def test_model_runs_the_student_class_and_reports_its_decisions(patience):
    model = EarlyStoppingModel(LectureEarlyStopping, patience=patience, degree=9)
    stop, best = reference_stop(model.curves()["val_mse"], patience)
    assert (model.stop_epoch, model.best_epoch) == (stop, best)
    assert np.array_equal(model.best_params, model.curves()["weights"][best]) and model.copied
    assert model.message == ""


def test_a_stored_reference_is_exposed_by_in_place_training():
    model = EarlyStoppingModel(StoresReference, patience=5, degree=9)
    assert not model.copied and "reference" in model.message
    assert np.array_equal(model.best_params, model.curves()["weights"][model.stop_epoch])


def test_without_or_with_an_unfinished_class_only_curves_are_shown():
    assert "Pass your EarlyStopping" in EarlyStoppingModel(None).message

    class Unfinished:
        def __init__(self, patience):
            raise NotImplementedError()

    model = EarlyStoppingModel(Unfinished)
    assert "not written yet" in model.message and model.best_epoch is None and model.stop_epoch is None


def test_a_broken_class_gives_a_message_not_an_error():
    class Broken(LectureEarlyStopping):
        def step(self, val_loss, params):
            super().step(val_loss, params)
            self.best_epoch = "seven"
            return True

    model = EarlyStoppingModel(Broken)
    assert model.best_epoch is None and "best_epoch" in model.message


def test_view_moves_the_stop_line_and_best_marker_when_patience_changes():
    explorer = EarlyStoppingExplorer(LectureEarlyStopping, patience=1)
    val = explorer.model.val_rmse()
    stop1, best1 = reference_stop(val, 1)
    assert explorer.stop_line.get_xdata()[0] == stop1
    assert explorer.best_marker.get_xdata()[0] == best1
    explorer.patience_slider.value = 5
    stop5, best5 = reference_stop(val, 5)
    assert explorer.stop_line.get_xdata()[0] == stop5 and explorer.best_marker.get_xdata()[0] == best5
    assert np.allclose(explorer.best_fit.get_ydata(),
                       features(explorer.x_grid, 9) @ explorer.model.curves()["weights"][best5])
    assert f"best_epoch</b> = {best5}" in explorer.readout.value
    explorer.fig.canvas.draw()


def test_view_switches_degree():
    explorer = EarlyStoppingExplorer(LectureEarlyStopping)
    explorer.degree_buttons.value = 1
    assert explorer.model.degree == 1 and explorer.model.best_params.shape == (2,)
    assert "degree 1" in explorer.ax_curve.get_title()


def test_view_blits_for_patience_and_redraws_fully_for_a_new_degree():
    explorer = EarlyStoppingExplorer(LectureEarlyStopping)
    asked = []
    explorer.fig.canvas.draw_idle = lambda *args, **kwargs: asked.append(True)
    explorer.fig.canvas.draw()
    explorer.patience_slider.value = 7
    assert asked == [] and "patience 7" in explorer.status.get_text()
    explorer.degree_buttons.value = 3
    assert asked == [True]


def test_view_without_a_class_draws_curves_and_no_markers():
    explorer = EarlyStoppingExplorer(None)
    assert len(explorer.best_marker.get_xdata()) == 0
    assert np.isfinite(explorer.val_line.get_ydata()).all()
    assert "Pass your EarlyStopping" in explorer.readout.value


def test_late_bound_class_is_picked_up_after_it_is_defined(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    namespace = {}
    explorer = show_early_stopping(namespace)
    assert "not defined yet" in explorer.model.message or "not written yet" in explorer.model.message
    namespace["EarlyStopping"] = LectureEarlyStopping
    explorer.patience_slider.value = 4
    assert explorer.model.best_epoch is not None


def test_nothing_is_built_under_grading(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert show_early_stopping({}) is None


def test_a_saved_setup_restores_the_same_picture():
    setup = assert_setup_round_trips(lambda: EarlyStoppingExplorer(LectureEarlyStopping))
    assert setup == "early_stopping?degree=3&patience=8"
    assert_named_setups_restore(lambda: EarlyStoppingExplorer(LectureEarlyStopping))


def test_the_named_setups_stop_too_early_then_at_the_best_epoch():
    explorer = EarlyStoppingExplorer(LectureEarlyStopping)
    lowest = int(explorer.model.val_rmse().argmin())
    explorer.restore("patience 1 stops too early")
    assert explorer.model.best_epoch < lowest
    explorer.restore("patience 5 keeps the best epoch")
    assert explorer.model.best_epoch == lowest
    explorer.restore("degree 1 does not overfit")
    val = explorer.model.val_rmse()
    assert explorer.model.degree == 1 and val[-1] < val.min() + 0.05


def test_show_restores_a_named_setup_and_shows_only_the_chosen_controls(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    explorer = show_early_stopping(early_stopping=LectureEarlyStopping, setup="patience 1 stops too early",
                                   controls=["patience"])
    assert explorer.patience_slider.value == 1 and "patience 1" in explorer.status.get_text()
    assert explorer.patience_slider.layout.display is None and explorer.degree_buttons.layout.display == "none"
