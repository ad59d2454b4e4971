"""The week-6 playground: its model (PyTorch and numpy engines) and its view without a browser."""

from dataclasses import asdict

import numpy as np
import pytest

from explorer_checks import assert_named_setups_restore, assert_setup_round_trips

from dlcourse.viz.artists import PixelPicture
from dlcourse.viz.playground import (
    BLUE,
    CUSTOM,
    HEAT_LUT,
    ORANGE,
    PlaygroundExplorer,
    network_layout,
    palette,
    shade_index,
    show_playground,
)
from dlcourse.viz.playground_model import (
    DENSITY,
    FEATURE_NAMES,
    PRESETS,
    STUDENT_FUNCTIONS,
    PlaygroundConfig,
    PlaygroundModel,
    grid_points,
    preset_config,
)


import week6_answers as answers

STUDENT = answers.MLP


def unfinished(*args, **kwargs):
    raise NotImplementedError()


def train_until(model, accuracy, max_epochs):
    """Epochs until the test accuracy exceeds `accuracy` (or max_epochs + 1 if never)."""
    for epoch in range(1, max_epochs + 1):
        model.step()
        if model.test_accuracy > accuracy:
            return epoch
    return max_epochs + 1


def attach_browser(explorer):
    """Play the browser's part: answer a full-draw request at once; return the list of requests."""
    asked = []
    canvas = explorer.fig.canvas
    canvas.draw_idle = lambda *args, **kwargs: asked.append(True)
    canvas.draw()  # the browser's first request caches the background
    return asked


# --- the model ----------------------------------------------------------------------------------
def test_defaults_are_the_playgrounds():
    c = PlaygroundConfig()
    assert (c.dataset, c.noise, c.train_percent, c.batch_size) == ("circle", 0, 50, 10)
    assert (c.features, c.hidden, c.learning_rate, c.activation) == (("x1", "x2"), (4, 2), 0.03, "tanh")
    assert (c.regularization, c.regularization_rate, c.loss, c.optimizer) == ("none", 0.0, "squared", "sgd")


@pytest.mark.parametrize("bad", [dict(hidden=(4,) * 7), dict(hidden=(9,)), dict(features=()),
                                 dict(features=("x3",)), dict(noise=60), dict(batch_size=0),
                                 dict(activation="elu"), dict(train_percent=95)])
def test_settings_outside_the_playgrounds_ranges_are_refused(bad):
    with pytest.raises(ValueError):
        PlaygroundConfig(**bad)


def test_network_starts_as_the_playgrounds_and_has_the_chosen_shape():
    model = PlaygroundModel(features=("x1", "x2", "sin x1"), hidden=(5, 3))
    assert model.layer_sizes == [3, 5, 3, 1]
    params = model.parameters()
    assert [W.shape for W, _ in params] == [(3, 5), (5, 3), (3, 1)]
    assert all(((W >= -0.5) & (W < 0.5)).all() and np.allclose(b, 0.1) for W, b in params)
    assert len(model.X_train) == 250 and len(model.X_test) == 250
    assert model.epoch == 0 and model.history["epoch"] == [0]


@pytest.mark.parametrize("dataset", ["circle", "xor"])
def test_default_network_learns_circle_and_xor_to_over_90_percent_on_test_points(dataset):
    model = PlaygroundModel(dataset=dataset)
    epochs = train_until(model, 0.9, 200)
    assert epochs <= 200, f"{dataset}: test accuracy {model.test_accuracy:.0%} after 200 epochs"
    assert model.history["train_loss"][-1] < model.history["train_loss"][0]
    assert model.history["epoch"] == list(range(epochs + 1))


def test_cross_entropy_with_adam_learns_circle_too():
    model = PlaygroundModel(loss="cross-entropy", optimizer="adam", activation="relu")
    assert train_until(model, 0.9, 100) <= 100


def test_same_seed_same_network_and_training_other_seed_another():
    a, b, c = (PlaygroundModel(seed=s, noise=20) for s in (3, 3, 4))
    for model in (a, b, c):
        model.step(3)
    for (Wa, ba), (Wb, bb) in zip(a.parameters(), b.parameters()):
        assert np.array_equal(Wa, Wb) and np.array_equal(ba, bb)
    assert a.history == b.history
    assert not np.array_equal(a.X_train, c.X_train)
    assert not np.array_equal(a.parameters()[0][0], c.parameters()[0][0])


def test_reset_restarts_from_the_same_weights():
    model = PlaygroundModel()
    start = model.parameters()[0][0]
    model.step(2)
    assert not np.array_equal(model.parameters()[0][0], start)
    model.reset()
    assert np.array_equal(model.parameters()[0][0], start) and model.epoch == 0


def test_changing_the_architecture_resets_but_the_learning_rate_does_not():
    model = PlaygroundModel()
    model.step(2)
    assert model.set(learning_rate=0.1) == {"learning_rate"}
    assert model.epoch == 2
    model.set(hidden=(3,))
    assert model.epoch == 0 and model.layer_sizes == [2, 3, 1] and len(model.history["epoch"]) == 1
    model.step()
    model.set(features=("x1²", "x2²"))
    assert model.epoch == 0 and model.F_train.shape == (250, 2)
    assert np.allclose(model.F_train, model.X_train ** 2)


def test_data_settings_draw_new_points_and_regenerate_keeps_the_network():
    model = PlaygroundModel()
    first = model.X_train.copy()
    model.set(noise=30)
    assert model.X_train.shape == first.shape and model.epoch == 0
    model.set(train_percent=20)
    assert len(model.X_train) == 100 and len(model.X_test) == 400
    model.step(2)
    weights = model.parameters()[0][0]
    before = model.X_train.copy()
    model.regenerate()
    assert not np.array_equal(before, model.X_train)
    assert model.epoch == 2 and np.array_equal(model.parameters()[0][0], weights)
    assert len(model.history["epoch"]) == 3


@pytest.mark.parametrize("regularization", ["L1", "L2"])
def test_regularization_keeps_the_weights_smaller(regularization):
    plain = PlaygroundModel(features=FEATURE_NAMES, hidden=(6,), learning_rate=0.1)
    shrunk = PlaygroundModel(features=FEATURE_NAMES, hidden=(6,), learning_rate=0.1,
                             regularization=regularization, regularization_rate=0.03)
    plain.step(30)
    shrunk.step(30)
    assert shrunk.weight_norm() < 0.8 * plain.weight_norm()


def test_l2_shrinks_each_weight_by_lr_times_rate_per_batch_as_the_playground_does():
    """The penalty's gradient is rate * w: each mini-batch multiplies w by (1 - lr * rate) besides learning."""
    plain = PlaygroundModel(hidden=(), learning_rate=0.00001)  # too slow to move w much by learning
    shrunk = PlaygroundModel(hidden=(), learning_rate=0.00001, regularization="L2", regularization_rate=10.0)
    W0 = plain.parameters()[0][0]
    plain.step()
    shrunk.step()
    batches = 250 // 10
    expected = W0 * (1 - (1 - 0.00001 * 10.0) ** batches)  # what the penalty took away
    assert np.allclose(plain.parameters()[0][0] - shrunk.parameters()[0][0], expected, rtol=0.05, atol=1e-7)


def test_maps_cover_the_square_for_every_neuron():
    model = PlaygroundModel(features=("x1", "x1²"), hidden=(3, 2))
    maps = model.maps()
    assert maps["output"].shape == (DENSITY, DENSITY) and np.abs(maps["output"]).max() <= 1
    assert [h.shape for h in maps["hidden"]] == [(3, DENSITY, DENSITY), (2, DENSITY, DENSITY)]
    inputs = maps["inputs"]
    assert inputs.shape == (2, DENSITY, DENSITY) and np.isclose(np.abs(inputs).max(axis=(1, 2)), 1).all()
    assert inputs[0, 0, 0] < 0 < inputs[0, 0, -1]  # x1 grows along a row
    assert inputs[1, 50, 0] == pytest.approx(inputs[1, 50, -1])  # x1² is symmetric
    points = grid_points(DENSITY)
    assert points[:, 0].min() > -6 and points[:, 1].max() < 6 and points[1, 1] == points[0, 1]
    assert np.array_equal(model.predict(points), (maps["output"].ravel() >= 0).astype(int))


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_sets_every_setting(name):
    model = PlaygroundModel(dataset="spiral", noise=40, batch_size=3, learning_rate=10.0, seed=9,
                            regularization="L1", regularization_rate=3.0, optimizer="rmsprop")
    model.step()
    model.apply_preset(name)
    assert asdict(model.config) == asdict(preset_config(name))
    assert model.epoch == 0


def test_presets_teach_what_they_say():
    xor_product = PlaygroundModel(preset_config("xor with x1·x2 solves it at once"))
    assert train_until(xor_product, 0.95, 5) <= 5
    linear = PlaygroundModel(preset_config("linear model fails on xor"))
    linear.step(20)
    assert linear.test_accuracy < 0.8
    circle = PlaygroundModel(preset_config("circle with x1², x2² (no hidden layer)"))
    assert train_until(circle, 0.95, 10) <= 10


# --- the student's numpy engine ------------------------------------------------------------------
def test_numpy_engine_trains_the_students_mlp_and_shows_its_hidden_layers():
    model = PlaygroundModel(functions=STUDENT, engine="numpy", activation="relu", hidden=(6, 4),
                            learning_rate=0.1)
    assert model.message == "" and model.layer_sizes == [2, 6, 4, 2]
    assert model.config.loss == "cross-entropy"
    assert train_until(model, 0.9, 150) <= 150
    maps = model.maps()
    assert [h.shape for h in maps["hidden"]] == [(6, DENSITY, DENSITY), (4, DENSITY, DENSITY)]
    assert min(h.min() for h in maps["hidden"]) >= 0  # ReLU activations, read from the caches
    W_out, b_out = model.drawn_parameters()[-1]
    assert W_out.shape == (4, 1) and b_out.shape == (1,)


@pytest.mark.parametrize("optimizer", ["momentum", "rmsprop", "adam"])
def test_numpy_engine_uses_the_students_optimizers(optimizer):
    model = PlaygroundModel(functions=STUDENT, engine="numpy", optimizer=optimizer, learning_rate=0.01,
                            activation="sigmoid")
    before = model.parameters()[0][0]
    model.step(2)
    assert model.config.engine == "numpy" and not np.array_equal(before, model.parameters()[0][0])
    assert model.train_loss < model.history["train_loss"][0]


def test_numpy_engine_refuses_what_the_students_mlp_cannot_do():
    model = PlaygroundModel(functions=STUDENT)
    model.set(engine="numpy")  # from tanh and squared error
    assert (model.config.activation, model.config.loss) == ("relu", "cross-entropy")
    assert "relu" in model.message
    with pytest.raises(ValueError):
        PlaygroundModel(engine="numpy")  # no functions given


@pytest.mark.parametrize("stub, says", [("init_mlp", "init_mlp() is not written yet"),
                                        ("mlp_forward", "mlp_forward() is not written yet"),
                                        ("mlp_backward", "mlp_backward() is not written yet"),
                                        ("sgd_step", "sgd_step() is not written yet")])
def test_unfinished_student_code_falls_back_to_pytorch_and_says_why(stub, says):
    model = PlaygroundModel(functions={**STUDENT, stub: unfinished})
    model.set(engine="numpy")
    model.step()
    assert model.config.engine == "torch" and says in model.message and "PyTorch" in model.message
    model.step()
    assert model.epoch >= 1 and np.isfinite(model.train_loss)


def test_broken_student_code_is_named_with_what_was_wrong():
    def wrong_shape_init(layer_sizes, seed):
        params = answers.init_mlp(layer_sizes, seed)
        params["W1"] = params["W1"].T
        return params

    model = PlaygroundModel(functions={**STUDENT, "init_mlp": wrong_shape_init}, hidden=(3,))
    model.set(engine="numpy")
    assert model.config.engine == "torch" and "W1 of shape (3, 2), expected (2, 3)" in model.message
    model = PlaygroundModel(functions={**STUDENT, "mlp_forward": lambda X, p, a: X})
    model.set(engine="numpy")
    assert "mlp_forward() must return (scores, caches)" in model.message


# --- the view ------------------------------------------------------------------------------------
def test_palette_and_shades_are_the_playgrounds():
    full = palette(1.0)
    assert full.shape == (31, 4)
    assert full[0, :3].tolist() == [0xF5, 0x93, 0x22] and full[-1, :3].tolist() == [0x08, 0x77, 0xBD]
    assert full[15, :3].tolist() == [0xE8, 0xEA, 0xEB]
    assert (HEAT_LUT[:, :3] >= full[:, :3]).all()  # heat maps: the same shades, lighter
    assert shade_index(np.array([-5.0, -1.0, 0.0, 0.999, 1.0, np.nan])).tolist() == [0, 0, 15, 30, 30, 15]
    assert shade_index(np.array([-0.01, 0.0, 0.4]), discretize=True).tolist() == [0, 30, 30]
    assert ORANGE == "#f59322" and BLUE == "#0877bd"


def test_network_layout_places_every_neuron_and_link():
    layout = network_layout(3, (8, 2))
    assert [len(column) for column in layout["columns"]] == [3, 8, 2, 1]
    assert layout["segments"].shape == (3 * 8 + 8 * 2 + 2 * 1, 2, 2)
    assert layout["biases"].shape == (8 + 2 + 1, 2)
    corners = np.array([c for column in layout["columns"] for c in column])
    assert corners.min() >= 0 and len({tuple(c) for c in corners}) == len(corners)
    first = layout["segments"][0]
    assert first[0, 0] < first[1, 0]  # links run left to right


def test_pixel_picture_paints_its_pixels_where_its_extent_lies():
    from dlcourse.viz.figure import interactive_figure

    fig = interactive_figure(2, 2)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 2)
    ax.set_ylim(0, 2)
    pixels = np.zeros((2, 2, 4), dtype=np.uint8)
    pixels[..., 3] = 255
    pixels[0, :, 0] = 255  # the top row red, the bottom row black
    picture = PixelPicture(pixels.view(np.uint32)[..., 0], (1, 2, 0, 2))  # the right half
    ax.add_artist(picture)
    fig.canvas.draw()
    fig.draw_artist(picture)
    buffer = np.asarray(fig.canvas.get_renderer().buffer_rgba())
    assert buffer[20, 150, :3].tolist() == [255, 0, 0] and buffer[180, 150, :3].tolist() == [0, 0, 0]
    assert buffer[100, 50, :3].tolist() == [255, 255, 255]  # the left half untouched


def test_view_builds_and_a_step_updates_the_pictures_lines_and_readout():
    explorer = PlaygroundExplorer()
    asked = attach_browser(explorer)
    tiles, heat = explorer._tiles.copy(), explorer._heat.copy()
    widths = explorer.links.get_linewidths().copy()
    assert len(explorer.links.get_segments()) == 2 * 4 + 4 * 2 + 2
    assert "Epoch 0" in explorer.readout.value
    explorer.step_button.click()
    assert "Epoch 1" in explorer.readout.value and "train loss" in explorer.readout.value
    assert not np.array_equal(tiles, explorer._tiles) and not np.array_equal(heat, explorer._heat)
    assert not np.allclose(widths, explorer.links.get_linewidths())
    assert len(explorer.train_curve.get_xdata()) == 2
    assert asked == []  # a step is a blit, never a full draw
    assert len(explorer.train_points.get_offsets()) == 250 and not explorer.test_points.get_visible()
    explorer.show_test_box.value = True
    assert explorer.test_points.get_visible()


def test_architecture_controls_reset_and_redraw_the_network():
    explorer = PlaygroundExplorer()
    asked = attach_browser(explorer)
    explorer.step()
    explorer.add_layer_button.click()
    assert explorer.model.config.hidden == (4, 2, 2) and explorer.model.epoch == 0
    assert asked == [True] and len(explorer.links.get_segments()) == 8 + 8 + 4 + 2
    explorer.neuron_boxes[0].value = 8
    assert explorer.model.config.hidden == (8, 2, 2)
    explorer.remove_layer_button.click()
    explorer.remove_layer_button.click()
    explorer.remove_layer_button.click()
    assert explorer.model.config.hidden == () and explorer.remove_layer_button.disabled
    explorer.feature_toggles["x1·x2"].value = True
    assert explorer.model.config.features == ("x1", "x2", "x1·x2")
    explorer.feature_toggles["x1"].value = False
    explorer.feature_toggles["x2"].value = False
    explorer.feature_toggles["x1·x2"].value = False  # the last one stays on
    assert explorer.model.config.features == ("x1·x2",) and explorer.feature_toggles["x1·x2"].value
    assert "at least one" in explorer.readout.value


def test_controls_change_the_model_and_a_preset_changes_the_controls():
    explorer = PlaygroundExplorer()
    explorer.dataset_toggle.value = "spiral"
    explorer.noise_slider.value = 20
    explorer.lr_menu.value = 0.3
    explorer.optimizer_menu.value = "adam"
    c = explorer.model.config
    assert (c.dataset, c.noise, c.learning_rate, c.optimizer) == ("spiral", 20, 0.3, "adam")
    name = "L2 smooths an over-fit"
    explorer.preset_menu.value = name
    expected = preset_config(name)
    assert explorer.model.config == expected
    assert explorer.dataset_toggle.value == expected.dataset and explorer.noise_slider.value == expected.noise
    assert explorer.regularization_menu.value == "L2" and explorer.rate_menu.value == expected.regularization_rate
    assert explorer.train_slider.value == expected.train_percent and explorer.loss_menu.value == expected.loss
    assert all(toggle.value for toggle in explorer.feature_toggles.values())
    n = len(expected.hidden)
    assert [box.value for box in explorer.neuron_boxes[:n]] == list(expected.hidden)
    assert all(box.layout.display == "none" for box in explorer.neuron_boxes[n:])
    explorer.batch_slider.value = 5
    assert explorer.preset_menu.value == CUSTOM  # the settings no longer are the preset's


def test_discretize_paints_two_colours():
    explorer = PlaygroundExplorer()
    explorer.discretize_box.value = True
    colours = np.unique(explorer._heat)
    ends = HEAT_LUT.view(np.uint32).ravel()[[0, 30]]
    assert set(colours) <= set(ends)


def test_play_ticks_step_once_each_and_a_backlog_of_ticks_is_dropped():
    explorer = PlaygroundExplorer()
    explorer.play.playing = True
    explorer.play.value = 1
    assert explorer.model.epoch == 1
    for value in (2, 3, 4):  # ticks that queued behind the step: one runs, the rest are dropped
        explorer.play.value = value
    assert explorer.model.epoch == 2
    explorer._last_done = -1.0  # a tick long after the last step
    explorer.play.value = 5
    assert explorer.model.epoch == 3
    explorer._last_done = -1.0
    explorer.play.value = 0  # the stop button
    assert explorer.model.epoch == 3
    explorer.reset_button.click()
    assert explorer.model.epoch == 0 and not explorer.play.playing


def test_student_engine_toggle_trains_their_mlp_and_restricts_the_menus():
    explorer = PlaygroundExplorer(functions=STUDENT)
    explorer.engine_toggle.value = "numpy"
    assert explorer.model.config.engine == "numpy"
    assert [value for _, value in explorer.activation_menu.options] == ["relu", "sigmoid"]
    assert explorer.loss_menu.disabled and "your numpy MLP" in explorer.readout.value
    explorer.step()
    assert explorer.model.epoch == 1 and explorer.model.config.engine == "numpy"
    explorer.engine_toggle.value = "torch"
    assert len(explorer.activation_menu.options) == 4 and not explorer.loss_menu.disabled


def test_stubs_fall_back_to_pytorch_with_a_message_in_the_readout(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    namespace = {name: unfinished for name in STUDENT_FUNCTIONS}
    explorer = show_playground(namespace)
    explorer.engine_toggle.value = "numpy"
    assert explorer.engine_toggle.value == "torch" and explorer.model.config.engine == "torch"
    assert "init_mlp() is not written yet; training with PyTorch instead" in explorer.readout.value
    explorer.step()
    assert explorer.model.epoch == 1
    namespace.update(STUDENT)  # the student finishes a06: the next try uses it (names looked up late)
    namespace["sgd_step"] = unfinished
    explorer.engine_toggle.value = "numpy"
    assert explorer.model.config.engine == "numpy"
    explorer.step()  # the optimizer step is still a stub: back to PyTorch, said in the readout
    assert explorer.engine_toggle.value == "torch" and "sgd_step() is not written yet" in explorer.readout.value


def test_no_widgets_under_grading(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert show_playground() is None and show_playground({}) is None


# --- setups --------------------------------------------------------------------------------------
def test_a_saved_setup_restores_the_same_picture():
    def change(explorer):
        """Settings, a layer and a feature, training at two rates, new points in between."""
        explorer.dataset_toggle.value = "xor"
        explorer.add_layer_button.click()
        explorer.feature_toggles["x1·x2"].value = True
        explorer.lr_menu.value = 0.1
        explorer.show_test_box.value = True
        for _ in range(3):
            explorer.step_button.click()
        explorer.regenerate_button.click()
        explorer.step_button.click()
        explorer.lr_menu.value = 0.3
        explorer.step_button.click()
        explorer.step_button.click()

    setup = assert_setup_round_trips(PlaygroundExplorer, change)
    assert "&features=x1,x2,x1%C2%B7x2&hidden=4,2,2&regenerated=1&epochs=3:0.1,new,1:0.1,2" in setup
    assert "learning_rate=0.3" in setup and "show_test=true" in setup

    def numpy_engine(explorer):
        explorer.engine_toggle.value = "numpy"
        explorer.neuron_boxes[0].value = 3
        explorer.step()
        explorer.step()

    setup = assert_setup_round_trips(lambda: PlaygroundExplorer(functions=STUDENT), numpy_engine)
    assert "engine=numpy&activation=relu" in setup and "hidden=3,2" in setup and setup.endswith("epochs=2")
    assert_named_setups_restore(PlaygroundExplorer)


def test_a_setup_that_does_not_fit_is_refused_and_changes_nothing():
    explorer = PlaygroundExplorer()
    explorer.step()
    before = explorer.setup()
    for bad, words in [("hidden=9", "1-8 neurons"), ("features=x3", "features must be"),
                       ("epochs=2:fast", "not a number of epochs"),
                       ("regenerated=0&epochs=new", "does not fit its 0 regenerations"),
                       ("epochs=900000", "may replay at most 5,000"),
                       ("hidden=two", "not whole numbers")]:
        with pytest.raises(ValueError, match=words):
            explorer.restore(bad)
        assert explorer.setup() == before and explorer.model.epoch == 1


def test_xor_needs_more_than_two_hidden_units_and_three_relus_solve_it():
    """The named setups' claims. One hidden layer of 2 monotone units makes an output that can only
    grow (or only fall) along some direction, which XOR's quadrants forbid: it stalls near 88%."""
    import time

    explorer = PlaygroundExplorer()
    start = time.perf_counter()
    explorer.restore("XOR solved by a 2-3-1 ReLU net")
    assert time.perf_counter() - start < 3
    model = explorer.model
    assert (model.config.dataset, model.config.features, model.config.hidden) == ("xor", ("x1", "x2"), (3,))
    assert model.epoch == 50 and "Epoch 50" in explorer.readout.value
    assert model.test_loss < 0.02 and model.test_accuracy >= 0.98
    explorer.restore("XOR: 2 hidden units are not enough")
    assert model.config.hidden == (2,) and model.epoch == 100
    model.step(100)
    assert model.test_accuracy < 0.92 and model.test_loss > 0.1


def test_the_over_fit_setups_show_test_loss_above_train_loss():
    explorer = PlaygroundExplorer()
    explorer.restore("an over-fit: test loss rises")
    over_fit = explorer.model
    assert over_fit.epoch == 100 and explorer.test_points.get_visible()
    assert over_fit.train_loss < 0.01 and over_fit.test_loss > over_fit.history["test_loss"][20]
    explorer.restore("L2 smooths the over-fit")
    assert explorer.model.config.regularization == "L2" and explorer.model.test_loss < 0.5


def test_a_named_setup_and_chosen_controls_when_shown(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    explorer = show_playground(setup="XOR solved by a 2-3-1 ReLU net", controls=["play", "step", "layers"])
    assert explorer.model.epoch == 50 and explorer.activation_menu.value == "relu"
    assert explorer.play.layout.display is None and explorer.lr_menu.layout.display == "none"
    assert explorer._actions["features"].layout.display == "none" and explorer._actions["layers"].layout.display is None
    explorer.step_button.click()
    explorer.setup_button.value = True
    assert explorer.setup_box.value.endswith("epochs=51")
