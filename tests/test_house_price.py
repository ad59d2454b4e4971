"""The week-1 house-price explorer: its numpy model, and its view without a browser."""

import numpy as np
import pytest

from explorer_checks import assert_named_setups_restore, assert_setup_round_trips

from dlcourse.houses import LECTURE_BIAS, LECTURE_MAE, LECTURE_WEIGHTS, house_data
from dlcourse.viz.house_price import HousePriceExplorer, HousePriceModel, show_house_price, snap


def lecture_predict(X, w, b):
    return X @ w + b


def lecture_mae(y, y_hat):
    return float(np.mean(np.abs(y - y_hat)))


def lecture_mse(y, y_hat):
    return float(np.mean((y - y_hat) ** 2))


LOSSES = {"MAE": lecture_mae, "MSE": lecture_mse}


def test_house_data_is_the_lecture_table_and_a_fresh_copy():
    X, y = house_data()
    assert X.tolist() == [[32, 3, 0.3], [33, 3, 0.5], [36, 4, 0.5]] and y.tolist() == [6, 7, 8.5]
    X[0, 0] = 0
    assert house_data()[0][0, 0] == 32


@pytest.mark.parametrize("weights, expected", list(zip(LECTURE_WEIGHTS, LECTURE_MAE)))
def test_model_reproduces_the_lecture_mae(weights, expected):
    model = HousePriceModel(lecture_predict, LOSSES)
    model.set_params(weights, LECTURE_BIAS)
    assert model.history[-1]["MAE"] == pytest.approx(expected, abs=5e-4)


def test_model_without_student_functions_shows_targets_and_says_why():
    model = HousePriceModel()
    assert model.predictions() is None and "predict" in model.message
    model.set_params([0.1, 0.3, 3], 0.5)
    assert model.history == []


def test_model_survives_unfinished_or_broken_student_functions():
    def unfinished(X, w, b):
        raise NotImplementedError()

    def wrong_shape(X, w, b):
        return np.zeros((3, 1))

    assert HousePriceModel(unfinished).predictions() is None
    model = HousePriceModel(wrong_shape)
    assert model.predictions() is None and "shape" in model.message


def test_model_never_passes_its_own_arrays_to_student_code():
    def vandal(X, w, b):
        X[:] = 0
        w[:] = 0
        return np.zeros(3)

    model = HousePriceModel(vandal, LOSSES)
    model.set_params([0.1, 0.3, 3], 0.5)
    assert model.weights.tolist() == [0.1, 0.3, 3]


def test_set_params_rejects_a_wrong_number_of_weights():
    with pytest.raises(ValueError, match=r"shape \(3,\)"):
        HousePriceModel().set_params([1.0, 2.0], 0.0)


def test_gradient_descent_lowers_the_mse_every_step_from_the_lecture_start():
    model = HousePriceModel(lecture_predict, LOSSES)
    model.set_params(LECTURE_WEIGHTS[0], LECTURE_BIAS)
    path = model.gradient_descent(n_steps=100)
    X, y = house_data()
    mses = [lecture_mse(y, lecture_predict(X, w, b)) for w, b in path]
    assert mses[0] < 1.26 and all(b <= a + 1e-12 for a, b in zip(mses, mses[1:]))
    assert mses[-1] < 0.25


def test_snap_rounds_to_the_slider_grid_and_clips():
    assert snap("w1", 0.12515) == 0.125
    assert snap("w3", 99) == 6.0


def test_view_moves_predictions_when_a_slider_moves():
    explorer = HousePriceExplorer(lecture_predict, LOSSES)
    before = explorer.pred_points.get_ydata().copy()
    assert "MAE</b> = 1.000" in explorer.readout.value
    explorer.sliders["w3"].value = 4.0
    after = explorer.pred_points.get_ydata()
    assert np.allclose(after - before, 1.0 * np.array([0.3, 0.5, 0.5]))
    assert "MAE</b> = 0.567" in explorer.readout.value


def test_view_ignores_the_browser_echoing_a_rounded_slider_value():
    explorer = HousePriceExplorer(lecture_predict, LOSSES)
    n = len(explorer.model.history)
    explorer.sliders["w2"].value = 0.2999999999999998
    assert len(explorer.model.history) == n


def test_view_descent_button_lowers_the_loss_and_sliders_match_the_model():
    explorer = HousePriceExplorer(lecture_predict, LOSSES)
    explorer._on_descend()
    assert explorer.model.history[-1]["MAE"] < 0.5
    shown = [explorer.sliders[n].value for n in ("w1", "w2", "w3")]
    assert np.allclose(shown, explorer.model.weights) and explorer.sliders["b"].value == explorer.model.bias


def test_view_loads_the_lecture_examples():
    explorer = HousePriceExplorer(lecture_predict, LOSSES)
    explorer.example.label = "lecture example 3"
    assert explorer.model.weights.tolist() == list(LECTURE_WEIGHTS[2])
    assert "MAE</b> = 1.767" in explorer.readout.value


def test_view_loads_the_slides_first_computation_without_a_bias():
    explorer = HousePriceExplorer(lecture_predict, LOSSES)
    explorer.example.label = "first slide: no bias"
    assert explorer.model.weights.tolist() == [0.1, 0.3, 4.0] and explorer.model.bias == 0.0
    assert np.allclose(lecture_predict(house_data()[0], explorer.model.weights, 0.0), [5.3, 6.2, 6.8])


def test_view_shows_a_student_error_that_names_a_lambda_as_text():
    def broken(X, w, b):
        raise ValueError("shapes do not match in <lambda>")

    explorer = HousePriceExplorer(broken, LOSSES)
    assert "&lt;lambda&gt;" in explorer.readout.value and "<lambda>" not in explorer.readout.value


def test_a_saved_setup_restores_the_same_picture():
    setup = assert_setup_round_trips(lambda: HousePriceExplorer(lecture_predict, LOSSES))
    assert setup.startswith("house_price?w1=0.103") and "&b=0.65" in setup
    assert_named_setups_restore(lambda: HousePriceExplorer(lecture_predict, LOSSES))


def test_the_weights_gradient_descent_reaches_are_in_the_setup():
    explorer = HousePriceExplorer(lecture_predict, LOSSES)
    explorer._on_descend()
    again = HousePriceExplorer(lecture_predict, LOSSES)
    again.restore(explorer.setup())
    assert np.array_equal(again.pred_points.get_ydata(), explorer.pred_points.get_ydata())
    assert again.model.history[-1] == explorer.model.history[-1]


def test_the_named_setups_are_the_lectures_examples():
    explorer = HousePriceExplorer(lecture_predict, LOSSES)
    for k, mae in enumerate(LECTURE_MAE):
        explorer.restore(f"lecture example {k + 1}")
        assert explorer.model.history[-1]["MAE"] == pytest.approx(mae, abs=5e-4)
    explorer.restore("first slide: no bias")
    assert explorer.model.bias == 0.0 and explorer.model.weights.tolist() == [0.1, 0.3, 4.0]


def test_show_restores_a_named_setup_and_shows_only_the_chosen_controls(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    explorer = show_house_price(predict=lecture_predict, losses=LOSSES, setup="lecture example 3",
                                controls=["w3", "descend"])
    assert "MAE</b> = 1.767" in explorer.readout.value
    assert explorer.sliders["w3"].layout.display is None and explorer.descend.layout.display is None
    assert explorer.sliders["w1"].layout.display == "none" and explorer.example.layout.display == "none"


def test_nothing_is_built_under_grading(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert show_house_price({}) is None
