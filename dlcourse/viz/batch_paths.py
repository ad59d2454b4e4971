"""Batch-size path explorer (week 3): batch GD, mini-batch GD and SGD on the same MSE bowl.

The data are the lecture's: y = 4 + 3x + N(0, 1), x = 2·U(0, 1), m = 100; the model the line
ŷ = θ0 + θ1·x, started at θ = (0, 0). Three runs with the same learning rate differ only in
their batch size: m (batch), `batch_size` (mini-batch) and 1 (SGD). The slider "samples
processed" cuts every path at the same amount of work — after s samples, batch GD has made
⌊s / m⌋ updates while SGD has made s — which is the fair way to compare them.

`BatchPathModel` is the pure-numpy state (data, the three paths, where to cut them).
`BatchPathExplorer` is the thin view: a samples slider, a mini-batch size menu, a learning
rate slider, and a button that re-runs the student's function.

The library holds no solution to week 3: the paths come from the student's
`sgd_linear_regression` when it is given and works; otherwise from torch (autograd, a shuffling
`DataLoader` and `torch.optim.SGD`), with a message saying so.

Named setups: "one epoch" (100 samples: 1, 10 and 100 updates), "twenty epochs", and "larger
rate, noisier SGD" (α = 0.15: batch GD gets closer, SGD wobbles more around the minimum).
"""

from __future__ import annotations

import math
from typing import Callable

import numpy as np

from dlcourse.linear_data import TRUE_THETA, make_linear_data
from dlcourse.viz.binding import note_html
from dlcourse.viz.explorer import Explorer, launch, live_readout
from dlcourse.viz.palette import BLUE, GREEN, ORANGE, RED, text_color

SgdFn = Callable[..., tuple]
MINIBATCH_SIZES = (2, 5, 10, 20, 50)
LR_RANGE = (0.01, 0.2, 0.01)
WINDOW = ((-0.5, 6.0), (-0.5, 5.0))  # (θ0 range, θ1 range) shown on the contour plot
COLORS = {"batch": BLUE, "mini-batch": ORANGE, "SGD": RED}


def torch_sgd_path(Xb: np.ndarray, y: np.ndarray, batch_size: int, lr: float, n_epochs: int,
                   seed: int = 0) -> np.ndarray:
    """θ after every update of mini-batch SGD on the MSE, from θ = 0, computed with torch.

    Each epoch a `DataLoader(shuffle=True)` deals the samples out in a new random order, in
    batches of `batch_size` (the last one smaller when m is not a multiple); the gradient of the
    batch's mean squared error comes from autograd and `torch.optim.SGD` takes the step.
    Returns shape (1 + n_epochs·⌈m / batch_size⌉, n + 1), the start first.
    """
    import torch
    from torch.utils.data import DataLoader, TensorDataset

    data = TensorDataset(torch.as_tensor(Xb, dtype=torch.float64), torch.as_tensor(y, dtype=torch.float64))
    loader = DataLoader(data, batch_size=int(batch_size), shuffle=True,
                        generator=torch.Generator().manual_seed(int(seed)))
    theta = torch.zeros(Xb.shape[1], dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([theta], lr=float(lr))
    path = [theta.detach().clone()]
    for _ in range(int(n_epochs)):
        for X_batch, y_batch in loader:
            optimizer.zero_grad()
            loss = torch.mean((X_batch @ theta - y_batch) ** 2)
            loss.backward()
            optimizer.step()
            path.append(theta.detach().clone())
    return torch.stack(path).numpy()


class BatchPathModel:
    """State of the explorer.

    Args:
        sgd: the student's `sgd_linear_regression(Xb, y, batch_size, lr, n_epochs, seed)`
            returning (theta, theta_path), or None (then torch computes the paths).
        batch_size: the mini-batch size (batch uses m, SGD uses 1).
        lr: the learning rate, the same for all three runs.
        n_epochs: passes over the data; the samples slider goes up to n_epochs·m.
        samples: where the paths are cut, in samples processed.
    """

    def __init__(self, sgd: SgdFn | None = None, batch_size: int = 10, lr: float = 0.05,
                 n_epochs: int = 20, samples: int = 100, seed: int = 0):
        X, self.y = make_linear_data()
        self.m = len(self.y)
        self.Xb = np.column_stack([np.ones(self.m), X[:, 0]])
        # The least-squares point (what every run approaches) — numpy's solver, for the marker only.
        self.least_squares = np.linalg.lstsq(self.Xb, self.y, rcond=None)[0]
        self.true_theta = np.array(TRUE_THETA)
        self.sgd = sgd
        self.batch_size, self.lr, self.n_epochs = int(batch_size), float(lr), int(n_epochs)
        self.seed = int(seed)
        self.samples = int(samples)
        self.source = ""
        self.message = ""
        self._paths: dict[str, np.ndarray] = {}
        self._seen: dict[str, np.ndarray] = {}
        self.recompute()

    # -- the three runs ----------------------------------------------------------------------
    def batch_sizes(self) -> dict[str, int]:
        """Method name -> batch size: batch (m), mini-batch (batch_size), SGD (1)."""
        return {"batch": self.m, "mini-batch": self.batch_size, "SGD": 1}

    def updates_per_epoch(self, batch_size: int) -> int:
        """⌈m / batch_size⌉: the last batch of an epoch may be smaller."""
        return math.ceil(self.m / batch_size)

    def samples_seen(self, batch_size: int) -> np.ndarray:
        """Samples processed after each row of the path: 0 at the start, then cumulative batch sizes."""
        full, last = divmod(self.m, batch_size)
        epoch = [batch_size] * full + ([last] if last else [])
        return np.concatenate([[0], np.cumsum(epoch * self.n_epochs)])

    def _student_path(self, batch_size: int) -> np.ndarray | None:
        if self.sgd is None:
            return None
        expected = (1 + self.n_epochs * self.updates_per_epoch(batch_size), 2)
        try:
            result = self.sgd(self.Xb.copy(), self.y.copy(), batch_size, self.lr, self.n_epochs, self.seed)
            path = np.asarray(result[1], dtype=float)
        except NotImplementedError:
            self.message = "sgd_linear_regression is not written yet: showing torch.optim.SGD's paths."
            return None
        except Exception as error:  # a student's bug must not break the lecture's picture
            self.message = (f"sgd_linear_regression raised {type(error).__name__}: {error} — "
                            "showing torch.optim.SGD's paths.")
            return None
        if path.shape != expected:
            self.message = (f"sgd_linear_regression(batch_size={batch_size}) returned a path of shape "
                            f"{path.shape}, expected {expected}: showing torch.optim.SGD's paths.")
            return None
        return path

    def recompute(self) -> None:
        """Run all three (the student's function if it works for all three, else torch)."""
        self.message = ""
        sizes = self.batch_sizes()
        paths = {name: self._student_path(bs) for name, bs in sizes.items()}
        if all(p is not None for p in paths.values()):
            self.source = "your sgd_linear_regression"
        else:
            if self.sgd is None:
                self.message = "Pass your sgd_linear_regression to see your own paths; showing torch.optim.SGD's."
            paths = {name: torch_sgd_path(self.Xb, self.y, bs, self.lr, self.n_epochs, self.seed)
                     for name, bs in sizes.items()}
            self.source = "torch.optim.SGD"
        self._paths = paths
        self._seen = {name: self.samples_seen(bs) for name, bs in sizes.items()}
        self._losses = {name: self.mse(path) for name, path in paths.items()}

    def path(self, name: str) -> np.ndarray:
        """The whole path of one run, shape (1 + updates, 2)."""
        return self._paths[name]

    def seen(self, name: str) -> np.ndarray:
        """Samples processed at each row of `path(name)`."""
        return self._seen[name]

    def losses(self, name: str) -> np.ndarray:
        """MSE on all m samples at each row of `path(name)`."""
        return self._losses[name]

    def n_updates(self, name: str, samples: int | None = None) -> int:
        """How many updates run `name` has made once `samples` samples are processed."""
        samples = self.samples if samples is None else samples
        return int(np.searchsorted(self._seen[name], samples, side="right")) - 1

    def cut(self, name: str, samples: int | None = None) -> np.ndarray:
        """The path of run `name` up to `samples` samples processed (the start included)."""
        return self._paths[name][: self.n_updates(name, samples) + 1]

    def mse(self, thetas: np.ndarray) -> np.ndarray:
        """MSE on all m samples for each row θ of `thetas` (shape (K, 2)) -> (K,)."""
        with np.errstate(all="ignore"):
            residuals = np.atleast_2d(thetas) @ self.Xb.T - self.y
            return np.mean(residuals**2, axis=1)

    def loss_grid(self, n: int = 80):
        """(Θ0, Θ1, MSE) on an n × n grid over WINDOW, for the contour plot."""
        t0 = np.linspace(*WINDOW[0], n)
        t1 = np.linspace(*WINDOW[1], n)
        T0, T1 = np.meshgrid(t0, t1)
        L = self.mse(np.column_stack([T0.ravel(), T1.ravel()])).reshape(T0.shape)
        return T0, T1, L

    @property
    def max_samples(self) -> int:
        return self.n_epochs * self.m


class BatchPathExplorer(Explorer):
    """The widget view. Example (in a notebook): BatchPathExplorer(sgd=sgd_linear_regression).show()"""

    name = "batch_paths"
    description = ("Left: the paths of batch, mini-batch and stochastic gradient descent over contour lines "
                   "of the mean squared error, from the origin towards the least-squares point, a star, each cut "
                   "after the same number of samples processed. Right: each run's training loss per sample "
                   "processed, a dot where the paths are cut.")
    SETUPS = {
        "one epoch": "samples=100&batch_size=10&lr=0.05",
        "twenty epochs": "samples=2000&batch_size=10&lr=0.05",
        "larger rate, noisier SGD": "samples=2000&batch_size=10&lr=0.15",
    }

    def __init__(self, sgd: SgdFn | None = None, batch_size: int = 10, lr: float = 0.05,
                 n_epochs: int = 20, samples: int = 100):
        import ipywidgets as widgets

        from dlcourse.viz.figure import Blitter, interactive_figure

        self.model = BatchPathModel(sgd, batch_size, lr, n_epochs, samples)
        style = {"description_width": "140px"}

        def wide():  # a Layout per control: hiding one (`controls=`) sets its layout's display
            return widgets.Layout(width="340px")

        self.samples_slider = widgets.IntSlider(value=self.model.samples, min=0, max=self.model.max_samples,
                                                step=1, description="samples processed", style=style,
                                                layout=wide(), continuous_update=True)
        self.batch_menu = widgets.Dropdown(options=list(MINIBATCH_SIZES), value=self.model.batch_size,
                                           description="mini-batch size", style=style, layout=wide())
        low, high, step = LR_RANGE
        self.lr_slider = widgets.FloatSlider(value=self.model.lr, min=low, max=high, step=step,
                                             description="learning rate α", readout_format=".2f", style=style,
                                             layout=wide(), continuous_update=False)
        self.rerun = widgets.Button(description="run sgd_linear_regression again", icon="refresh",
                                    layout=widgets.Layout(width="260px"))
        self.samples_slider.observe(self._on_samples, names="value")
        self.batch_menu.observe(self._on_settings, names="value")
        self.lr_slider.observe(self._on_settings, names="value")
        self.rerun.on_click(self._on_settings)
        self.readout = live_readout()
        self.fig = interactive_figure(7.2, 3.3)
        self._build_artists()
        # Blitted artists are drawn over the cached background, in this order: the two marks come
        # last so the paths never hide them.
        # (Text is costly to redraw, so the changing numbers go to the readout beside the figure.)
        # The faint full loss curves are blitted too: a new batch size or rate then redraws only
        # them, not the axes (whose picture is kept per loss range, see _draw_full_losses).
        moving = [*self.loss_lines.values(), *self.path_lines.values(), *self.heads.values(),
                  *self.loss_heads.values(), self.cut_line, self.least_squares_mark, self.true_mark]
        self.blitter = Blitter(self.fig, moving)
        self._draw_full_losses()
        self.update(full=True)
        self._finish([self.samples_slider, self.batch_menu, self.lr_slider, self.rerun, self.readout],
                     {"samples": self.samples_slider, "batch_size": self.batch_menu, "lr": self.lr_slider},
                     actions={"rerun": self.rerun}, panel_width="350px")

    # -- drawing ---------------------------------------------------------------------------
    def _build_artists(self) -> None:
        from matplotlib.ticker import FixedLocator, FormatStrFormatter, NullLocator

        model = self.model
        self.fig.subplots_adjust(left=0.08, right=0.96, bottom=0.15, top=0.9, wspace=0.3)
        self.ax_path, self.ax_loss = self.fig.subplots(1, 2, width_ratios=(1.15, 1))
        T0, T1, L = model.loss_grid()
        levels = L.min() + np.geomspace(0.05, L.max() - L.min(), 12)  # dense near the minimum
        self.ax_path.contour(T0, T1, L, levels=levels, colors="0.65", linewidths=0.7)
        (self.least_squares_mark,) = self.ax_path.plot(*model.least_squares, "*", color="black", ms=12, zorder=5,
                                                       label="least squares")
        (self.true_mark,) = self.ax_path.plot(*model.true_theta, "P", color=GREEN, mec="white", ms=9, zorder=5,
                                              label="true (4, 3)")
        self.ax_path.plot(0, 0, "o", color="black", ms=5, zorder=5)
        self.path_lines, self.heads, self.loss_lines, self.loss_heads = {}, {}, {}, {}
        for name, color in COLORS.items():
            width = {"batch": 2.0, "mini-batch": 1.4, "SGD": 0.8}[name]
            (self.path_lines[name],) = self.ax_path.plot([], [], "-", color=color, lw=width, label=name)
            (self.heads[name],) = self.ax_path.plot([], [], "o", color=color, ms=6, zorder=6)
            (self.loss_lines[name],) = self.ax_loss.plot([], [], "-", color=color, lw=1.2, alpha=0.35)
            (self.loss_heads[name],) = self.ax_loss.plot([], [], "o", color=color, ms=6, label=name)
        self.cut_line = self.ax_loss.axvline(model.samples, color="black", lw=1, ls="--")
        self.ax_path.set_xlim(*WINDOW[0])
        self.ax_path.set_ylim(*WINDOW[1])
        self.ax_path.set_xlabel("θ0 (intercept)")
        self.ax_path.set_ylabel("θ1 (slope)")
        self.ax_path.set_title("paths on the MSE contours", fontsize=10)
        self.ax_path.legend(loc="lower right", fontsize=7, ncol=2)
        self.ax_loss.set_yscale("log")
        # Fixed, few tick labels: log axes' automatic minor labels cost a lot of text layout per draw.
        self.ax_loss.yaxis.set_major_locator(FixedLocator([0.5, 1, 2, 5, 10, 20, 50]))
        self.ax_loss.yaxis.set_major_formatter(FormatStrFormatter("%g"))
        self.ax_loss.yaxis.set_minor_locator(NullLocator())
        self.ax_loss.set_xlim(0, model.max_samples)
        self.ax_loss.set_xlabel("samples processed")
        self.ax_loss.set_ylabel("training MSE")
        self.ax_loss.set_title("loss per sample processed", fontsize=10)
        self.ax_loss.legend(loc="upper right", fontsize=7)

    def _draw_full_losses(self) -> None:
        """The faint full loss curves change only when the paths are recomputed."""
        model = self.model
        finite = []
        for name, line in self.loss_lines.items():
            losses = np.clip(model.losses(name), 1e-3, 1e6)
            line.set_data(model.seen(name), losses)
            finite.append(losses)
        every = np.concatenate(finite)
        # Whole decades, so most recomputations keep the axis (and the kept picture of it).
        low = 10.0 ** np.floor(np.log10(max(every.min() * 0.8, 1e-2)))
        high = 10.0 ** np.ceil(np.log10(min(every.max() * 1.5, 1e6)))
        self._loss_range = (low, high)
        self.ax_loss.set_ylim(low, high)

    def update(self, full: bool = False) -> None:
        """Cut every path at the current number of samples processed (artists updated in place).

        Only the moving artists are redrawn (blitting); `full` redraws everything, for when the
        paths were recomputed (the faint loss curves and the loss axis change then).
        """
        model = self.model
        rows = []
        for name in COLORS:
            path = np.clip(model.cut(name), -1e6, 1e6)
            k = len(path) - 1
            self.path_lines[name].set_data(path[:, 0], path[:, 1])
            self.heads[name].set_data(path[-1:, 0], path[-1:, 1])
            loss = float(np.clip(model.losses(name)[k], 1e-3, 1e6))
            self.loss_heads[name].set_data([model.seen(name)[k]], [loss])
            bs = model.batch_sizes()[name]
            rows.append(f"<tr><td style='color:{text_color(COLORS[name])}'><b>{name}</b> ({bs})</td><td>{k}</td>"
                        f"<td>{model.updates_per_epoch(bs)}</td><td>{model.losses(name)[k]:.3f}</td></tr>")
        self.cut_line.set_xdata([model.samples, model.samples])
        epochs = model.samples / model.m
        ls = model.least_squares
        note = note_html(model.message)
        self.readout.value = (
            f"<b>after {model.samples} samples = {epochs:.2f} epochs</b>, α = {model.lr:.2f}<br>"
            "<table><tr><th>run (batch size)</th><th>updates</th><th>per epoch</th><th>MSE</th></tr>"
            + "".join(rows) + "</table>"
            + f"least squares ★ ({ls[0]:.2f}, {ls[1]:.2f}), MSE {model.mse(ls)[0]:.3f}; true ✚ (4, 3)<br>"
            + f"paths from {model.source}" + note
        )
        self.blitter.redraw(full=full, key=self._loss_range)

    # -- controls ----------------------------------------------------------------------------
    def _on_samples(self, change=None) -> None:
        self.model.samples = int(self.samples_slider.value)
        self.update()

    def _on_settings(self, change=None) -> None:
        self.model.batch_size = int(self.batch_menu.value)
        self.model.lr = float(self.lr_slider.value)
        self.model.recompute()
        self._draw_full_losses()
        self.update(full=True)


def show_batch_paths(namespace: dict | None = None, *, sgd: SgdFn | None = None,
                     setup: str | None = None, controls=None, presenter: bool = False,
                     **settings) -> BatchPathExplorer | None:
    """Build and display the explorer; returns it, or None under nbgrader (no widgets there).

    Pass a notebook's `globals()` as `namespace`: the explorer then calls the notebook's
    `sgd_linear_regression` as it is *when a control moves* (or the re-run button is pressed),
    so it can be shown before the exercise is done. Or pass the function as `sgd`.
    settings: batch_size, lr, n_epochs, samples to start from.
    setup, controls, presenter: see `dlcourse.viz.explorer` (the re-run button's name for
    `controls` is rerun).
    """
    from dlcourse.viz.binding import late_bound

    if namespace is not None and sgd is None:
        sgd = late_bound(namespace, "sgd_linear_regression")
    return launch(lambda: BatchPathExplorer(sgd=sgd, **settings), setup=setup, controls=controls,
                  presenter=presenter)


# The name in notebooks released before December 2026 (students' copies keep working).
show_batch_path_explorer = show_batch_paths
