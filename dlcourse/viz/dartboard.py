"""Dartboard explorer (week 4): bias is where the shots land on average, variance how they spread.

A player throws `n_shots` darts at the centre (0, 0). The shots are drawn once from a seeded
generator as standard normal offsets, centred and scaled so that, for the slider settings,

- the mean shot lies exactly `bias` from the centre (in a fixed direction), and
- the mean squared distance of the shots from their mean shot is exactly `variance`.

So the sliders move the same darts smoothly. The picture: the board with the shots, the mean
shot, an arrow from the centre to it (the bias) and a circle of radius √variance around it (the
spread); and bars of bias², variance and the mean squared distance of the shots from the
centre, which equals bias² + variance. Variance does not depend on where the target is.

The bias and variance in the bars are measured by the student's `dartboard_stats(shots,
target)`; until it works the explorer shows the shots and the mean squared distance only.
`DartboardModel` is the pure-numpy state, `DartboardExplorer` the thin view.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from dlcourse.viz.binding import note_html
from dlcourse.viz.explorer import Explorer, launch, live_readout
from dlcourse.viz.palette import BLUE, ORANGE, PURPLE

TARGET = np.zeros(2)
N_SHOTS = 40
SEED = 4
DIRECTION = np.array([np.cos(np.pi / 4), np.sin(np.pi / 4)])
MAX_BIAS, MAX_VARIANCE = 1.5, 1.0


def standard_offsets(n_shots: int = N_SHOTS, seed: int = SEED) -> np.ndarray:
    """(n_shots, 2) normal offsets with mean exactly (0, 0) and mean squared length exactly 2."""
    z = np.random.default_rng(seed).standard_normal((n_shots, 2))
    z -= z.mean(axis=0)
    return z * np.sqrt(2.0 / np.mean(np.sum(z ** 2, axis=1)))


class DartboardModel:
    """State of the explorer.

    Args:
        stats: the student's `dartboard_stats(shots, target)` → (bias, variance), or None.
        bias: distance of the mean shot from the target, >= 0.
        variance: mean squared distance of the shots from their mean, >= 0.
    """

    def __init__(self, stats: Callable | None = None, bias: float = 0.5, variance: float = 0.2,
                 n_shots: int = N_SHOTS, seed: int = SEED):
        self.stats = stats
        self.bias, self.variance = float(bias), float(variance)
        self.target = TARGET.copy()
        self.offsets = standard_offsets(n_shots, seed)
        self.message = ""

    def shots(self) -> np.ndarray:
        """The shots for the current bias and variance, shape (n_shots, 2)."""
        return self.target + self.bias * DIRECTION + np.sqrt(self.variance / 2.0) * self.offsets

    def mean_shot(self) -> np.ndarray:
        return self.shots().mean(axis=0)

    def mean_squared_error(self) -> float:
        """Mean squared distance of the shots from the target (measured directly)."""
        return float(np.mean(np.sum((self.shots() - self.target) ** 2, axis=1)))

    def measured(self) -> tuple[float, float] | None:
        """(bias, variance) from the student's dartboard_stats; None (and a message) if unavailable."""
        self.message = ""
        if self.stats is None:
            self.message = "Pass your dartboard_stats to measure bias and variance."
            return None
        try:
            bias, variance = self.stats(self.shots(), self.target.copy())
            return float(bias), float(variance)
        except NotImplementedError:
            self.message = "dartboard_stats is not written yet: shots and mean squared distance only."
        except Exception as error:  # a student's bug must not break the lecture's picture
            self.message = f"dartboard_stats raised {type(error).__name__}: {error}"
        return None


class DartboardExplorer(Explorer):
    """The widget view. Example: DartboardExplorer(dartboard_stats).show()"""

    name = "dartboard"
    description = ("A dartboard with shots around its centre, the mean shot, an arrow from the centre to it "
                   "(the bias) and a circle of radius square root of the variance; beside it bars of bias "
                   "squared, variance, their sum, and the mean squared distance of the shots from the centre.")
    SETUPS = {
        "low bias, low variance": "bias=0.0&variance=0.05",
        "low bias, high variance": "bias=0.0&variance=0.8",
        "high bias, low variance": "bias=1.2&variance=0.05",
        "high bias, high variance": "bias=1.2&variance=0.8",
    }

    def __init__(self, stats: Callable | None = None, bias: float = 0.5, variance: float = 0.2):
        import ipywidgets as widgets

        from dlcourse.viz.figure import Blitter, interactive_figure

        self.model = DartboardModel(stats, bias, variance)
        style = {"description_width": "60px"}
        self.bias_slider = widgets.FloatSlider(value=self.model.bias, min=0.0, max=MAX_BIAS, step=0.05,
                                               description="bias", style=style, continuous_update=True,
                                               layout=widgets.Layout(width="300px"))
        self.variance_slider = widgets.FloatSlider(value=self.model.variance, min=0.0, max=MAX_VARIANCE, step=0.02,
                                                   description="variance", style=style, continuous_update=True,
                                                   layout=widgets.Layout(width="300px"))
        self.readout = live_readout()
        self.bias_slider.observe(self._on_change, names="value")
        self.variance_slider.observe(self._on_change, names="value")
        self.fig = interactive_figure(7.4, 3.6)
        self._build_artists()
        self.blitter = Blitter(self.fig, [self.spread_circle, self.bias_arrow, self.shot_marks, self.mean_mark,
                                          *self.bars])
        self.update()
        self._finish([self.bias_slider, self.variance_slider, self.readout],
                     {"bias": self.bias_slider, "variance": self.variance_slider}, panel_width="310px")

    def _build_artists(self) -> None:
        from matplotlib.patches import Circle

        self.fig.subplots_adjust(left=0.04, right=0.98, bottom=0.16, top=0.9, wspace=0.25)
        self.ax_board, self.ax_bar = self.fig.subplots(1, 2, width_ratios=(1.15, 1))
        for radius, color in ((3.0, "#f3efe0"), (2.0, "#e8dcc0"), (1.0, "#d9c79f"), (0.35, "#c0392b")):
            self.ax_board.add_patch(Circle((0, 0), radius, color=color, zorder=0))
        self.ax_board.plot([0], [0], "+", color="white", ms=10, mew=2, zorder=1)
        self.spread_circle = Circle((0, 0), 0.0, fill=False, ec=BLUE, lw=1.5, ls="--", zorder=3,
                                    label="√variance around the mean")
        self.ax_board.add_patch(self.spread_circle)
        (self.bias_arrow,) = self.ax_board.plot([0, 0], [0, 0], color="black", lw=2, zorder=4,
                                                label="bias: centre → mean shot")
        (self.shot_marks,) = self.ax_board.plot([], [], "o", color=BLUE, ms=4, alpha=0.8, zorder=5,
                                                label="shots")
        (self.mean_mark,) = self.ax_board.plot([], [], "X", color="black", ms=10, zorder=6, label="mean shot")
        self.ax_board.set_xlim(-3, 3)
        self.ax_board.set_ylim(-3, 3)
        self.ax_board.set_aspect("equal")
        self.ax_board.set_xticks([])
        self.ax_board.set_yticks([])
        self.ax_board.set_title("shots at the centre", fontsize=10)
        self.ax_board.legend(loc="lower left", fontsize=6.5)
        names = ("bias²", "variance", "bias² +\nvariance", "mean sq.\ndistance")
        colors = (ORANGE, BLUE, PURPLE, "black")
        self.bars = list(self.ax_bar.bar(range(4), np.zeros(4), color=colors, width=0.7))
        self.ax_bar.set_xticks(range(4), names, fontsize=7)
        self.ax_bar.set_ylim(0, MAX_BIAS ** 2 + MAX_VARIANCE)
        self.ax_bar.set_title("measured from the shots", fontsize=10)

    def update(self) -> None:
        """Redraw from the model's state (artists updated in place), then blit."""
        model = self.model
        shots, mean = model.shots(), model.mean_shot()
        self.shot_marks.set_data(shots[:, 0], shots[:, 1])
        self.mean_mark.set_data([mean[0]], [mean[1]])
        self.bias_arrow.set_data([model.target[0], mean[0]], [model.target[1], mean[1]])
        self.spread_circle.set_center((mean[0], mean[1]))
        self.spread_circle.set_radius(np.sqrt(model.variance))
        mse = model.mean_squared_error()
        measured = model.measured()
        heights = [0.0, 0.0, 0.0, mse]
        lines = [f"mean squared distance from the centre: <b>{mse:.3f}</b>"]
        if measured is not None:
            bias, variance = measured
            heights[:3] = [bias ** 2, variance, bias ** 2 + variance]
            lines.insert(0, f"dartboard_stats: bias <b>{bias:.3f}</b> (bias² {bias ** 2:.3f}), "
                            f"variance <b>{variance:.3f}</b>; bias² + variance = {bias ** 2 + variance:.3f}")
        for bar, h in zip(self.bars, heights):
            bar.set_height(h if np.isfinite(h) else 0.0)
        if model.message:
            lines.append(note_html(model.message, line_break=False))
        self.readout.value = "<br>".join(lines)
        self.blitter.redraw()

    def _on_change(self, change=None) -> None:
        self.model.bias = float(self.bias_slider.value)
        self.model.variance = float(self.variance_slider.value)
        self.update()


def show_dartboard(namespace: dict | None = None, *, stats: Callable | None = None,
                   setup: str | None = None, controls=None, presenter: bool = False,
                   **settings) -> DartboardExplorer | None:
    """Build and display the explorer; returns it, or None under nbgrader (no widgets there).

    Pass a notebook's `globals()` as `namespace`: the explorer then calls the notebook's
    `dartboard_stats` as it is *when a slider moves*. Or pass the function as `stats`.
    settings: bias, variance. setup, controls, presenter: see `dlcourse.viz.explorer`.
    """
    from dlcourse.viz.binding import late_bound

    if namespace is not None and stats is None:
        stats = late_bound(namespace, "dartboard_stats")
    return launch(lambda: DartboardExplorer(stats, **settings), setup=setup, controls=controls,
                  presenter=presenter)


# The name in notebooks released before December 2026 (students' copies keep working).
show_dartboard_explorer = show_dartboard
