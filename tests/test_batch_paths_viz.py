"""The week-3 batch-size path explorer: its numpy model, and its view without a browser."""

import math

import numpy as np
import pytest

from explorer_checks import assert_named_setups_restore, assert_setup_round_trips

from dlcourse.viz.batch_paths import BatchPathExplorer, BatchPathModel, show_batch_paths, torch_sgd_path


def lecture_sgd(Xb, y, batch_size, lr, n_epochs, seed):
    """A correct mini-batch SGD, as a student would write it (tests only; the library has none)."""
    rng = np.random.default_rng(seed)
    theta = np.zeros(Xb.shape[1])
    path = [theta]
    for _ in range(n_epochs):
        order = rng.permutation(len(y))
        for start in range(0, len(y), batch_size):
            batch = order[start:start + batch_size]
            theta = theta - lr * 2 / len(batch) * Xb[batch].T @ (Xb[batch] @ theta - y[batch])
            path.append(theta)
    return theta, np.array(path)


@pytest.fixture(scope="module")
def torch_model():
    return BatchPathModel(n_epochs=5)


def test_torch_paths_have_one_row_per_update_plus_the_start(torch_model):
    model = torch_model
    assert model.source == "torch.optim.SGD" and "Pass your" in model.message
    for name, bs in model.batch_sizes().items():
        path = model.path(name)
        assert path.shape == (1 + 5 * math.ceil(100 / bs), 2)
        assert np.array_equal(path[0], [0.0, 0.0])
        assert model.seen(name)[-1] == 5 * 100 and len(model.seen(name)) == len(path)


def test_torch_batch_path_is_full_batch_gradient_descent(torch_model):
    model = torch_model
    theta = np.zeros(2)
    for k in range(1, 6):
        theta = theta - model.lr * 2 / model.m * model.Xb.T @ (model.Xb @ theta - model.y)
        assert np.allclose(model.path("batch")[k], theta, rtol=1e-10, atol=1e-12)


def test_torch_path_deals_every_sample_once_per_epoch_with_a_smaller_last_batch():
    # Identity design: each update moves exactly the coordinates of its batch.
    Xb, y = np.eye(10), np.arange(1.0, 11.0)
    path = torch_sgd_path(Xb, y, batch_size=4, lr=0.1, n_epochs=2, seed=0)
    assert path.shape == (1 + 2 * 3, 10)
    for epoch in range(2):
        moved = [np.flatnonzero(path[k + 1] != path[k]) for k in range(3 * epoch, 3 * epoch + 3)]
        assert [len(b) for b in moved] == [4, 4, 2]
        assert sorted(np.concatenate(moved).tolist()) == list(range(10))


def test_cut_counts_updates_per_sample_processed(torch_model):
    model = torch_model
    model.samples = 100
    assert (model.n_updates("batch"), model.n_updates("mini-batch"), model.n_updates("SGD")) == (1, 10, 100)
    model.samples = 99
    assert model.n_updates("batch") == 0 and len(model.cut("batch")) == 1
    assert model.n_updates("mini-batch", 105) == 10 and model.n_updates("mini-batch", 110) == 11
    model.samples = 100


def test_samples_seen_handles_a_last_smaller_batch():
    model = BatchPathModel(sgd=lecture_sgd, batch_size=32, n_epochs=2)
    assert model.samples_seen(32).tolist() == [0, 32, 64, 96, 100, 132, 164, 196, 200]
    assert model.updates_per_epoch(32) == 4


def test_student_function_is_used_when_it_works():
    model = BatchPathModel(sgd=lecture_sgd, n_epochs=3)
    assert model.source == "your sgd_linear_regression" and model.message == ""
    assert np.allclose(model.path("SGD")[-1], lecture_sgd(model.Xb, model.y, 1, model.lr, 3, 0)[0])


def test_everything_converges_near_least_squares_not_at_the_true_parameters():
    model = BatchPathModel(sgd=lecture_sgd, n_epochs=20)
    assert np.linalg.norm(model.path("mini-batch")[-1] - model.least_squares) < 0.2
    assert np.linalg.norm(model.least_squares - model.true_theta) > 0.1
    # per sample processed, SGD is ahead of batch GD after one epoch
    assert model.losses("SGD")[model.n_updates("SGD", 100)] < model.losses("batch")[model.n_updates("batch", 100)]


@pytest.mark.parametrize("broken, says", [
    (lambda *a: (_ for _ in ()).throw(NotImplementedError()), "not written yet"),
    (lambda Xb, y, bs, lr, n, s: (np.zeros(2), np.zeros((3, 2))), "shape"),
    (lambda *a: 1 / 0, "ZeroDivisionError"),
])
def test_unfinished_or_broken_student_function_falls_back_to_torch(broken, says):
    model = BatchPathModel(sgd=broken, n_epochs=2)
    assert model.source == "torch.optim.SGD" and says in model.message


def test_model_never_passes_its_own_arrays_to_student_code():
    def vandal(Xb, y, bs, lr, n_epochs, seed):
        Xb[:] = 0
        y[:] = 0
        return lecture_sgd(np.ones((100, 2)), np.ones(100), bs, lr, n_epochs, seed)

    model = BatchPathModel(sgd=vandal, n_epochs=1)
    assert model.Xb[:, 1].any() and model.y.any()


def test_view_cuts_every_path_when_the_samples_slider_moves():
    explorer = BatchPathExplorer(sgd=lecture_sgd, n_epochs=5)
    explorer.samples_slider.value = 300
    assert len(explorer.path_lines["batch"].get_xdata()) == 1 + 3
    assert len(explorer.path_lines["mini-batch"].get_xdata()) == 1 + 30
    assert len(explorer.path_lines["SGD"].get_xdata()) == 1 + 300
    assert explorer.heads["SGD"].get_xdata()[0] == explorer.model.path("SGD")[300, 0]
    assert list(explorer.cut_line.get_xdata()) == [300, 300]
    assert "after 300 samples = 3.00 epochs" in explorer.readout.value
    explorer.fig.canvas.draw()


def test_view_blits_new_paths_and_redraws_fully_only_for_a_new_loss_range():
    explorer = BatchPathExplorer(sgd=lecture_sgd, n_epochs=3)
    asked = []
    explorer.fig.canvas.draw_idle = lambda *args, **kwargs: asked.append(True)
    explorer.fig.canvas.draw()  # the browser's first full draw caches the background
    explorer.samples_slider.value = 150
    assert asked == []
    start = explorer._loss_range
    explorer.batch_menu.value = 5
    assert explorer._loss_range == start and asked == []  # new paths, same axes: blitted
    explorer.blitter.redraw(full=True, key=(1.0, 1e4))  # another loss range: its picture is not kept yet
    assert asked == [True]
    explorer.blitter.redraw(full=True, key=start)  # back to the first range: its picture was kept
    assert asked == [True]


def test_view_recomputes_for_another_batch_size_and_learning_rate():
    explorer = BatchPathExplorer(sgd=lecture_sgd, n_epochs=3)
    explorer.batch_menu.value = 20
    assert explorer.model.path("mini-batch").shape == (1 + 3 * 5, 2)
    before = explorer.model.path("SGD").copy()
    explorer.lr_slider.value = 0.1
    assert not np.array_equal(before, explorer.model.path("SGD"))
    assert "your sgd_linear_regression" in explorer.readout.value


def test_late_bound_function_is_picked_up_after_it_is_defined(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    namespace = {}
    explorer = show_batch_paths(namespace, n_epochs=2)
    assert explorer.model.source == "torch.optim.SGD" and "not written yet" in explorer.model.message
    namespace["sgd_linear_regression"] = lecture_sgd
    explorer.rerun.click()
    assert explorer.model.source == "your sgd_linear_regression"


def test_nothing_is_built_under_grading(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert show_batch_paths({}) is None


def test_a_saved_setup_restores_the_same_picture():
    setup = assert_setup_round_trips(lambda: BatchPathExplorer(sgd=lecture_sgd, n_epochs=3))
    assert setup == "batch_paths?samples=103&batch_size=50&lr=0.08"
    assert_named_setups_restore(lambda: BatchPathExplorer(sgd=lecture_sgd))


def test_the_named_setups_one_epoch_and_a_larger_rate():
    explorer = BatchPathExplorer(sgd=lecture_sgd)
    explorer.restore("one epoch")
    assert [len(explorer.path_lines[name].get_xdata()) - 1 for name in ("batch", "mini-batch", "SGD")] == [1, 10, 100]
    explorer.restore("twenty epochs")
    wobble = np.linalg.norm(explorer.model.path("SGD")[-500:] - explorer.model.least_squares, axis=1).mean()
    explorer.restore("larger rate, noisier SGD")
    assert explorer.model.lr == 0.15
    assert np.linalg.norm(explorer.model.path("SGD")[-500:] - explorer.model.least_squares, axis=1).mean() > wobble


def test_show_restores_a_named_setup_and_shows_only_the_chosen_controls(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    explorer = show_batch_paths(sgd=lecture_sgd, setup="one epoch", controls=["samples", "rerun"])
    assert explorer.samples_slider.value == 100 and "after 100 samples" in explorer.readout.value
    assert explorer.samples_slider.layout.display is None and explorer.rerun.layout.display is None
    assert explorer.batch_menu.layout.display == explorer.lr_slider.layout.display == "none"
