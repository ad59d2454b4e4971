"""Training monitor (week 7): loss and accuracy curves that grow while a training loop runs.

A training loop keeps the kernel busy, so a widget cannot wait for the browser to ask for a
redraw (ipympl's way). The monitor instead renders its small figure with Agg to a PNG and puts it
in an ipywidgets Image: setting the value sends the picture at once, even mid-loop. Renders are
throttled to a few per second (and the last epoch is always drawn), so plotting never dominates
the loop.

`TrainingMonitorModel` holds the curves (unit-tested without a browser); `TrainingMonitor` is the view.
It is not an explorer (no controls, no setup), but it shares the explorers' accessibility: its
readout is a live region and its `description`, hidden from sight, is the figure's text alternative.
"""

from __future__ import annotations

import io
import time

from dlcourse.viz.explorer import live_readout, text_alternative
from dlcourse.viz.palette import BLUE, GREEN, ORANGE, PURPLE, RED

COLOURS = (BLUE, ORANGE, GREEN, RED, PURPLE)


class TrainingMonitorModel:
    """Per run: training loss, validation loss and validation accuracy, one entry per epoch."""

    def __init__(self, names, n_epochs: int):
        self.names = list(names)
        self.n_epochs = int(n_epochs)
        self.curves = {name: {"train_loss": [], "val_loss": [], "val_acc": []} for name in self.names}

    def record(self, name: str, train_loss: float, val_loss: float, val_acc: float) -> None:
        if name not in self.curves:
            raise KeyError(f"unknown run {name!r}: the monitor was made for {self.names}")
        run = self.curves[name]
        run["train_loss"].append(float(train_loss))
        run["val_loss"].append(float(val_loss))
        run["val_acc"].append(float(val_acc))

    def summary(self) -> str:
        parts = []
        for name, run in self.curves.items():
            if run["val_loss"]:
                parts.append(f"{name}: epoch {len(run['val_loss'])}, validation loss {run['val_loss'][-1]:.3f}, "
                             f"accuracy {run['val_acc'][-1]:.3f}")
        return " · ".join(parts) or "waiting for the first epoch"


class TrainingMonitor:
    """The view: a two-panel figure (losses; validation accuracy) shown as a PNG in an Image widget."""

    # No "epoch" here: the browser tests find the readout as the text that names the epochs.
    description = ("Two line charts that grow while training runs. Left: each run's training loss, dashed, "
                   "and validation loss, solid, after each pass over the data. Right: each run's validation "
                   "accuracy, from 0 to 1.")

    def __init__(self, names, n_epochs: int, min_interval: float = 0.25):
        import ipywidgets as widgets
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.model = TrainingMonitorModel(names, n_epochs)
        self.min_interval = min_interval
        self._last_render = 0.0
        self.fig = Figure(figsize=(8.0, 2.8), dpi=90)
        FigureCanvasAgg(self.fig)
        self.fig.subplots_adjust(left=0.08, right=0.98, bottom=0.18, top=0.88, wspace=0.25)
        self.ax_loss, self.ax_acc = self.fig.subplots(1, 2)
        self.lines = {}
        for name, colour in zip(self.model.names, COLOURS * 3):
            train, = self.ax_loss.plot([], [], color=colour, lw=1.2, ls="--", label=f"{name}: training")
            val, = self.ax_loss.plot([], [], color=colour, lw=1.8, label=f"{name}: validation")
            acc, = self.ax_acc.plot([], [], color=colour, lw=1.8, label=name)
            self.lines[name] = (train, val, acc)
        for ax, label in ((self.ax_loss, "loss"), (self.ax_acc, "validation accuracy")):
            ax.set_xlim(0, max(1, self.model.n_epochs))
            ax.set_xlabel("epoch")
            ax.set_title(label, fontsize=10)
            ax.grid(alpha=0.3)
        self.ax_acc.set_ylim(0, 1.02)
        self.ax_loss.legend(fontsize=7, loc="upper right")
        self.image = widgets.Image(format="png", layout=widgets.Layout(width="720px"))
        self.readout = live_readout(self.model.summary())
        description = text_alternative(self.description)
        self.widget = widgets.VBox([description, self.image, self.readout])
        self.render()

    def record(self, name: str, train_loss: float, val_loss: float, val_acc: float) -> None:
        """Add one epoch of run `name`; redraw if the last redraw is old enough or training ended."""
        self.model.record(name, train_loss, val_loss, val_acc)
        done = len(self.model.curves[name]["val_loss"]) >= self.model.n_epochs
        if done or time.perf_counter() - self._last_render >= self.min_interval:
            self.render()

    def render(self) -> None:
        top = 0.0
        for name, (train, val, acc) in self.lines.items():
            run = self.model.curves[name]
            epochs = range(1, len(run["val_loss"]) + 1)
            train.set_data(epochs, run["train_loss"])
            val.set_data(epochs, run["val_loss"])
            acc.set_data(epochs, run["val_acc"])
            top = max([top, *run["train_loss"], *run["val_loss"]])
        self.ax_loss.set_ylim(0, top * 1.05 if top > 0 else 1.0)
        buffer = io.BytesIO()
        self.fig.savefig(buffer, format="png")
        self.image.value = buffer.getvalue()
        self.readout.value = self.model.summary()
        self._last_render = time.perf_counter()

    def show(self):
        from IPython.display import display

        display(self.widget)


def show_training_monitor(names, n_epochs: int) -> TrainingMonitor | None:
    """Build and display a monitor for runs `names`; returns it, or None under nbgrader."""
    from dlcourse.viz.figure import under_grading

    if under_grading():
        return None
    monitor = TrainingMonitor(names, n_epochs)
    monitor.show()
    return monitor
