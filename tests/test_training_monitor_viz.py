"""The training monitor: curves grow per epoch, renders are throttled, the last epoch is always drawn."""

import pytest

from dlcourse.viz.training_monitor import TrainingMonitor, TrainingMonitorModel, show_training_monitor


def test_model_records_each_run_separately_and_summarises():
    model = TrainingMonitorModel(["a", "b"], n_epochs=3)
    model.record("a", 1.0, 0.9, 0.5)
    model.record("a", 0.8, 0.7, 0.6)
    model.record("b", 2.0, 1.9, 0.1)
    assert model.curves["a"]["val_loss"] == [0.9, 0.7] and model.curves["b"]["val_acc"] == [0.1]
    assert "a: epoch 2" in model.summary() and "b: epoch 1" in model.summary()


def test_unknown_run_is_a_clear_error():
    with pytest.raises(KeyError, match="unknown run 'c'"):
        TrainingMonitorModel(["a"], 2).record("c", 1, 1, 1)


def test_view_renders_a_png_and_updates_lines_throttled_but_always_on_the_last_epoch():
    monitor = TrainingMonitor(["run"], n_epochs=3, min_interval=3600.0)
    first = monitor.image.value
    assert first[:4] == b"\x89PNG"
    monitor.record("run", 1.0, 0.9, 0.4)           # throttled: no new picture yet
    assert monitor.image.value == first
    monitor.record("run", 0.8, 0.7, 0.6)
    monitor.record("run", 0.6, 0.5, 0.8)           # the last epoch: drawn regardless
    assert monitor.image.value != first
    train, val, acc = monitor.lines["run"]
    assert list(val.get_ydata()) == [0.9, 0.7, 0.5] and list(acc.get_xdata()) == [1, 2, 3]
    assert "epoch 3" in monitor.readout.value


def test_show_returns_none_under_grading(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert show_training_monitor(["run"], 2) is None


def test_the_readout_is_a_live_region_and_the_figure_has_a_text_alternative():
    monitor = TrainingMonitor(["run"], n_epochs=2)
    monitor.record("run", 1.0, 0.9, 0.4)
    monitor.record("run", 0.8, 0.7, 0.6)
    assert 'role="status"' in monitor.readout.value and "run: epoch 2" in monitor.readout.value
    first = monitor.widget.children[0]
    assert 'class="dlc-sr-only"' in first.value and "validation accuracy" in first.value
    assert "epoch" not in monitor.description  # the readout alone names the epochs
