"""The week-8 confusion-matrix explorer: counts and cells against plain loops; the view without a browser."""

import numpy as np
import pytest

from explorer_checks import assert_named_setups_restore, assert_setup_round_trips

from dlcourse.fashion_mnist import CLASSES
from dlcourse.viz.confusion import ConfusionExplorer, ConfusionModel, show_confusion


@pytest.fixture(scope="module")
def data():
    """300 seeded labels, predictions right 70% of the time, many Shirts taken for T-shirts."""
    rng = np.random.default_rng(0)
    y_true = rng.integers(0, 10, size=300)
    y_pred = np.where(rng.random(300) < 0.7, y_true, rng.integers(0, 10, size=300))
    y_pred[np.flatnonzero(y_true == 6)[::2]] = 0
    probabilities = rng.dirichlet(np.ones(10), size=300)
    images = rng.integers(0, 256, size=(300, 28, 28), dtype=np.uint8)
    return y_true, y_pred, probabilities, images


def test_counts_match_a_counting_loop(data):
    y_true, y_pred, _, _ = data
    expected = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        expected[t, p] += 1
    model = ConfusionModel(y_true, y_pred)
    np.testing.assert_array_equal(model.matrix, expected)
    assert model.accuracy() == pytest.approx(np.mean(y_true == y_pred))


def test_cell_lists_exactly_its_images(data):
    y_true, y_pred, probabilities, _ = data
    model = ConfusionModel(y_true, y_pred, probabilities=probabilities)
    for t, p in [(6, 0), (3, 3), (0, 9)]:
        expected = [i for i in range(300) if y_true[i] == t and y_pred[i] == p]
        assert model.cell_indices(t, p).tolist() == expected
        shown = model.examples(t, p)
        confidence = probabilities[shown, p]
        assert len(shown) == min(12, len(expected)) and np.all(np.diff(confidence) <= 0)
        assert set(shown) == set(sorted(expected, key=lambda i: -probabilities[i, p])[:12])


def test_without_probabilities_cells_keep_data_order(data):
    y_true, y_pred, _, _ = data
    model = ConfusionModel(y_true, y_pred)
    assert model.examples(6, 0, limit=5).tolist() == model.cell_indices(6, 0)[:5].tolist()
    assert model.confidence(0) is None


def test_per_class_accuracy_and_most_confused_pairs():
    y_true = np.array([0, 0, 0, 0, 1, 1, 2, 2, 2])
    y_pred = np.array([0, 1, 1, 2, 1, 0, 2, 2, 1])
    model = ConfusionModel(y_true, y_pred, n_classes=4)
    np.testing.assert_allclose(model.per_class_accuracy(), [0.25, 0.5, 2 / 3, np.nan])
    assert model.most_confused(3) == [(0, 1, 2), (0, 2, 1), (1, 0, 1)]
    assert model.most_confused(10)[-1] == (2, 1, 1) and len(model.most_confused(10)) == 4
    assert model.default_cell() == (0, 1)
    assert ConfusionModel([1, 2], [1, 2], n_classes=3).default_cell() == (0, 0)


def test_torch_tensors_and_bad_inputs():
    import torch

    model = ConfusionModel(torch.tensor([0, 1, 1]), torch.tensor([1, 1, 0]), n_classes=2,
                           probabilities=torch.tensor([[0.2, 0.8], [0.1, 0.9], [0.6, 0.4]]))
    assert model.matrix.tolist() == [[0, 1], [1, 1]] and model.confidence(2) == pytest.approx(0.6)
    for args in (([0, 1], [0]), ([0, 10], [0, 1]), ([0, -1], [0, 1]), ([[0]], [[0]]), ([0.5], [0])):
        with pytest.raises(ValueError):
            ConfusionModel(*args)
    with pytest.raises(ValueError, match="probabilities"):
        ConfusionModel([0], [0], probabilities=np.ones((1, 3)))


def click(explorer, true, pred):
    """A real matplotlib mouse press at the centre of matrix cell (true, pred)."""
    from matplotlib.backend_bases import MouseEvent

    x, y = explorer.ax_matrix.transData.transform((pred, true))
    event = MouseEvent("button_press_event", explorer.fig.canvas, x, y, button=1)
    explorer.fig.canvas.callbacks.process("button_press_event", event)


def test_view_shows_the_clicked_cells_images(data, monkeypatch):
    y_true, y_pred, probabilities, images = data
    explorer = ConfusionExplorer(y_true, y_pred, images, probabilities=probabilities)
    assert explorer.cell == (6, 0)  # the most confused pair
    assert "Shirt → T-shirt/top" in explorer.readout.value
    explorer.fig.canvas.draw()
    full_draws = []
    monkeypatch.setattr(explorer.fig.canvas, "draw_idle", lambda: full_draws.append(True))
    click(explorer, 2, 5)
    expected = explorer.model.examples(2, 5)
    assert explorer.cell == (2, 5) and explorer.true_menu.label == "Pullover"
    assert explorer.cell_box.get_xy() == (4.5, 1.5)
    titles = [ax.get_title() for ax in explorer.example_axes]
    assert titles[:len(expected)] == [f"#{i}\np={probabilities[i, 5]:.2f}" for i in expected]
    assert all(title == "" for title in titles[len(expected):])
    visible = [artist.get_visible() for artist in explorer.example_images]
    assert visible == [k < len(expected) for k in range(12)]
    shown = explorer.example_images[0].get_array()
    assert shown.shape == (28, 28, 4) and np.abs(shown[..., 0].astype(int) - images[expected[0]]).max() <= 1
    assert not full_draws
    click(explorer, 20, 20)  # outside the matrix: nothing happens
    assert explorer.cell == (2, 5)


def test_view_menus_select_a_cell_and_say_when_it_is_empty(data):
    y_true, y_pred, _, images = data
    explorer = ConfusionExplorer(y_true, y_pred, images[:, None] / 255.0, class_names=CLASSES)
    count = int(explorer.model.matrix[3, 3])
    explorer.true_menu.value = 3
    explorer.pred_menu.value = 3
    assert f"correct Dress\n{count} images, showing 12" == explorer.header.get_text()
    assert explorer.example_axes[0].get_title().startswith("#") and "p=" not in explorer.example_axes[0].get_title()
    empty = next((t, p) for t in range(10) for p in range(10) if explorer.model.matrix[t, p] == 0)
    explorer.select(*empty)
    assert "no image of" in explorer.selection.value
    assert not any(artist.get_visible() for artist in explorer.example_images)


def test_no_widgets_under_grading(monkeypatch, data):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    y_true, y_pred, _, images = data
    assert show_confusion(y_true, y_pred, images) is None


def test_a_saved_setup_restores_the_same_picture(data):
    y_true, y_pred, probabilities, images = data

    def build():
        return ConfusionExplorer(y_true, y_pred, images, probabilities=probabilities)

    setup = assert_setup_round_trips(build)
    assert setup == "confusion?true=9&predicted=9"
    assert_named_setups_restore(build)
    explorer = build()
    click(explorer, 2, 5)  # a clicked cell is in the setup: the menus hold it
    assert explorer.setup() == "confusion?true=2&predicted=5"


def test_a_named_setup_and_chosen_controls_when_shown(data, monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    y_true, y_pred, probabilities, images = data
    explorer = show_confusion(y_true, y_pred, images, CLASSES, probabilities,
                              setup="pullovers taken for coats", controls=["predicted"])
    assert explorer.cell == (2, 4) and explorer.header.get_text().startswith("true Pullover → predicted Coat")
    assert explorer.true_menu.layout.display == "none" and explorer.pred_menu.layout.display is None
