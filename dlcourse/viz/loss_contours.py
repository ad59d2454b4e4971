"""Loss-contour explorer (week 2): gradient descent on the MSE of a line, with and without scaling.

The data: house areas x (pyeong) and prices y (100M won), a line ŷ = θ0 + θ1·x. Without scaling,
x is around 30 while the bias column is 1: the MSE's Hessian (2/m)·XbᵀXb curves about 940 times
more sharply along θ1 than along θ0 (its diagonal ratio, the mean of x²) and has a condition
number of about 2.4·10⁴, its contours are long thin ellipses, and any learning rate small enough
not to blow up along θ1 crawls along θ0. With the standardized feature z (mean 0, standard deviation
1), both directions have the same curvature: round contours, and gradient descent walks
straight to the minimum.

`LossContourModel` is the pure-numpy state (data, scaled or not, learning rate as a fraction of
the stable limit 2 / λ_max, number of steps) and computes the contour grid and the path.
`LossContourExplorer` is the thin view: a scaled / unscaled toggle and two sliders.

The path is the student's own when they pass `gradient_descent` and `mse_gradient` (week 2's
exercises). Until those work it comes from torch's autograd, and the readout says so. The
library holds no solution to week 2: the standardized feature is built into the data set
(x = centre + spread·z), not computed with a scaler.

Named setups: "unscaled zig-zags", "standardized goes straight" (both at 0.9 of the stable
limit) and "unscaled above the stable limit diverges" (1.1 of it).
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from dlcourse.viz.binding import note_html
from dlcourse.viz.explorer import Explorer, launch, live_readout
from dlcourse.viz.palette import BLUE, GREEN, ORANGE, RED

M = 30
AREA_CENTRE, AREA_SPREAD = 30.0, 6.0  # x = 30 + 6·z pyeong
TRUE_INTERCEPT, TRUE_SLOPE, NOISE = 0.5, 0.2, 0.4


def contour_data(seed: int = 2) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, z, y): areas in pyeong, the same areas standardized, prices; M samples each.

    z has mean 0 and standard deviation 1 by construction (evenly spaced, then rescaled by the
    spacing's known spread), and x = AREA_CENTRE + AREA_SPREAD · z.
    """
    z = np.linspace(-1.0, 1.0, M)
    z = z * np.sqrt(3.0 * (M - 1) / (M + 1))  # the population std of linspace(-1, 1, M) is sqrt((M+1)/(3(M-1)))
    x = AREA_CENTRE + AREA_SPREAD * z
    rng = np.random.default_rng(seed)
    y = TRUE_INTERCEPT + TRUE_SLOPE * x + NOISE * rng.normal(size=M)
    return x, z, y


class LossContourModel:
    """State of the explorer.

    Args:
        scaled: fit on the standardized feature z (True) or on the raw area x (False).
        lr_fraction: the learning rate as a fraction of 2 / λ_max, the largest stable one
            (λ_max: the largest eigenvalue of the MSE's Hessian (2/m)·XbᵀXb). Above 1 it diverges.
        n_steps: number of gradient-descent steps drawn.
    """

    def __init__(self, scaled: bool = False, lr_fraction: float = 0.9, n_steps: int = 50,
                 gradient_descent: Callable | None = None, mse_gradient: Callable | None = None):
        self.x, self.z, self.y = contour_data()
        self.scaled, self.lr_fraction, self.n_steps = bool(scaled), float(lr_fraction), int(n_steps)
        self.gradient_descent, self.mse_gradient = gradient_descent, mse_gradient
        self.message = ""
        self._paths: dict[tuple, np.ndarray] = {}

    def design(self, scaled: bool | None = None) -> np.ndarray:
        """Xb = [1, feature], shape (M, 2)."""
        feature = self.z if (self.scaled if scaled is None else scaled) else self.x
        return np.column_stack([np.ones(M), feature])

    def hessian(self, scaled: bool | None = None) -> np.ndarray:
        A = self.design(scaled)
        return 2.0 / M * A.T @ A

    def condition_number(self, scaled: bool | None = None) -> float:
        eig = np.linalg.eigvalsh(self.hessian(scaled))
        return float(eig.max() / eig.min())

    def lr(self, scaled: bool | None = None) -> float:
        return float(self.lr_fraction * 2.0 / np.linalg.eigvalsh(self.hessian(scaled)).max())

    def optimum(self, scaled: bool | None = None) -> np.ndarray:
        return np.linalg.lstsq(self.design(scaled), self.y, rcond=None)[0]

    def start(self, scaled: bool | None = None) -> np.ndarray:
        """The starting θ: 3 below the best bias, and a slope too steep by 1.5 per standard deviation of x."""
        scaled = self.scaled if scaled is None else scaled
        return self.optimum(scaled) + np.array([-3.0, 1.5 if scaled else 1.5 / AREA_SPREAD])

    def window(self, scaled: bool | None = None) -> tuple[tuple[float, float], tuple[float, float]]:
        """(θ0 range, θ1 range) of the contour plot, centred on the optimum, same units per axis."""
        opt = self.optimum(scaled)
        half0 = 4.5
        half1 = half0 if (self.scaled if scaled is None else scaled) else half0 / AREA_SPREAD
        return (opt[0] - half0, opt[0] + half0), (opt[1] - half1, opt[1] + half1)

    def loss_grid(self, n: int = 120, scaled: bool | None = None):
        """(T0, T1, L): the MSE on an n×n grid of (θ0, θ1) over `window`."""
        (a0, b0), (a1, b1) = self.window(scaled)
        T0, T1 = np.meshgrid(np.linspace(a0, b0, n), np.linspace(a1, b1, n))
        feature = self.design(scaled)[:, 1]
        residual = T0[..., None] + T1[..., None] * feature - self.y
        return T0, T1, np.mean(residual**2, axis=-1)

    def mse(self, theta, scaled: bool | None = None) -> float:
        return float(np.mean((self.design(scaled) @ np.asarray(theta, dtype=float) - self.y) ** 2))

    def path(self, scaled: bool | None = None, n_steps: int | None = None) -> np.ndarray:
        """θ_0..θ_n of full-batch gradient descent on the MSE, shape (n + 1, 2).

        From the student's `gradient_descent` and `mse_gradient` when both are given and work,
        else from torch's autograd (cached per setting); `message` says which.
        """
        scaled = self.scaled if scaled is None else bool(scaled)
        n_steps = self.n_steps if n_steps is None else int(n_steps)
        path = self._students_path(scaled, n_steps)  # never cached: the student may fix their code
        if path is not None:
            return path
        key = (scaled, self.lr_fraction, n_steps)
        if key not in self._paths:
            if len(self._paths) > 64:
                self._paths.clear()
            self._paths[key] = self._torch_path(scaled, n_steps)
        return self._paths[key]

    def _students_path(self, scaled: bool, n_steps: int) -> np.ndarray | None:
        if self.gradient_descent is None or self.mse_gradient is None:
            self.message = "path from torch's autograd (pass gradient_descent and mse_gradient to see yours)"
            return None
        A = self.design(scaled)
        try:
            with np.errstate(all="ignore"):
                path = np.asarray(self.gradient_descent(lambda theta: self.mse_gradient(A, self.y, theta),
                                                        self.start(scaled), self.lr(scaled), n_steps), dtype=float)
        except NotImplementedError:
            self.message = "gradient_descent or mse_gradient is not written yet: path from torch's autograd"
            return None
        except Exception as error:  # a student's bug must not break the picture
            self.message = f"your functions raised {type(error).__name__}: {error}; path from torch's autograd"
            return None
        if path.shape != (n_steps + 1, 2):
            self.message = f"your gradient_descent returned shape {path.shape}, expected {(n_steps + 1, 2)}"
            return None
        self.message = "path from your gradient_descent and mse_gradient"
        return path

    def _torch_path(self, scaled: bool, n_steps: int) -> np.ndarray:
        """Gradient descent with torch's autograd as the source of the gradient.

        The MSE is quadratic in θ, so its gradient is exactly H·θ + g0, with H the Hessian and
        g0 the gradient at θ = 0: autograd gives both once, and the steps are cheap 2×2 products.
        """
        import torch

        A = torch.from_numpy(self.design(scaled))
        y = torch.from_numpy(self.y)

        def loss(theta):
            return torch.mean((A @ theta - y) ** 2)

        zero = torch.zeros(2, dtype=torch.float64, requires_grad=True)
        g0 = torch.autograd.grad(loss(zero), zero)[0].numpy()
        H = torch.autograd.functional.hessian(loss, zero.detach()).numpy()
        lr = self.lr(scaled)
        rows = [self.start(scaled)]
        with np.errstate(all="ignore"):
            for _ in range(n_steps):
                rows.append(rows[-1] - lr * (H @ rows[-1] + g0))
        return np.array(rows)

    def losses(self, scaled: bool | None = None) -> np.ndarray:
        """The MSE at every point of `path`."""
        thetas = self.path(scaled)
        with np.errstate(all="ignore"):
            return np.mean((self.design(scaled) @ thetas.T - self.y[:, None]) ** 2, axis=0)


GAP_LIMITS = (1e-10, 1e4)  # loss-gap axis: from "at the minimum" to "diverged"


class LossContourExplorer(Explorer):
    """The widget view. Example (in a notebook): LossContourExplorer().show()"""

    name = "loss_contours"
    description = ("Left: contour lines of the mean squared error over the bias and the slope of a line, with "
                   "gradient descent's path from its start towards the minimum, a star. Right: how far the loss "
                   "is above its minimum after each step, on a log scale, for the unscaled and the standardized "
                   "feature.")
    SETUPS = {
        "unscaled zig-zags": "scaled=false&lr_fraction=0.9&n_steps=50",
        "standardized goes straight": "scaled=true&lr_fraction=0.9&n_steps=50",
        "unscaled above the stable limit diverges": "scaled=false&lr_fraction=1.1&n_steps=50",
    }

    def __init__(self, scaled: bool = False, lr_fraction: float = 0.9, n_steps: int = 50,
                 gradient_descent: Callable | None = None, mse_gradient: Callable | None = None):
        import ipywidgets as widgets

        from dlcourse.viz.figure import Blitter, interactive_figure

        self.model = LossContourModel(scaled, lr_fraction, n_steps, gradient_descent, mse_gradient)
        style = {"description_width": "90px"}

        def wide():  # a Layout per control: hiding one (`controls=`) sets its layout's display
            return widgets.Layout(width="340px")

        self.scaled_toggle = widgets.ToggleButtons(options=[("unscaled x", False), ("standardized z", True)],
                                                   value=bool(scaled), description="feature", style=style)
        self.lr_slider = widgets.FloatSlider(value=lr_fraction, min=0.05, max=1.1, step=0.05,
                                             description="α × λmax / 2", readout_format=".2f", style=style,
                                             layout=wide())
        self.steps_slider = widgets.IntSlider(value=n_steps, min=1, max=200, description="steps", style=style,
                                              layout=wide())
        for control in (self.scaled_toggle, self.lr_slider, self.steps_slider):
            control.observe(self._on_change, names="value")
        self.readout = live_readout()
        self.fig = interactive_figure(8.0, 3.8)
        self._contour_sets: dict = {}  # scaled → its ContourSet
        self._contours_for = None
        self._build_artists()
        self.blitter = Blitter(self.fig, [self.path_line, self.start_point, self.loss_unscaled, self.loss_scaled])
        self._limits = None
        self.update()
        self._finish([self.scaled_toggle, self.lr_slider, self.steps_slider, self.readout],
                     {"scaled": self.scaled_toggle, "lr_fraction": self.lr_slider, "n_steps": self.steps_slider},
                     panel_width="350px")

    def _build_artists(self) -> None:
        self.fig.subplots_adjust(left=0.09, right=0.97, bottom=0.14, top=0.9, wspace=0.35)
        self.ax_contour, self.ax_loss = self.fig.subplots(1, 2, width_ratios=(1.1, 1))
        (self.path_line,) = self.ax_contour.plot([], [], "-o", color=ORANGE, ms=3, lw=1.2, label="GD path")
        (self.start_point,) = self.ax_contour.plot([], [], "o", color=GREEN, ms=8, label="start")
        (self.optimum_point,) = self.ax_contour.plot([], [], "*", color="black", ms=13, label="minimum")
        self.ax_contour.set_xlabel("θ0 (bias)")
        self.ax_contour.legend(loc="upper right", fontsize=7)
        (self.loss_unscaled,) = self.ax_loss.semilogy([], [], color=RED, lw=2, label="unscaled x")
        (self.loss_scaled,) = self.ax_loss.semilogy([], [], color=BLUE, lw=2, label="standardized z")
        self.ax_loss.set_xlabel("step k")
        self.ax_loss.set_ylabel("MSE − min MSE")
        self.ax_loss.set_ylim(*GAP_LIMITS)
        self.ax_loss.set_title("loss gap per step, same α × λmax / 2", fontsize=10)
        self.ax_loss.legend(loc="lower left", fontsize=8)

    def _draw_contours(self) -> bool:
        """Contours change only with the toggle: shown then, not on every slider move. Both
        plots are made once and kept; the toggle shows one (its picture is the blitter's key)."""
        model = self.model
        if self._contours_for == model.scaled:
            return False
        if model.scaled not in self._contour_sets:
            T0, T1, L = model.loss_grid()
            levels = np.geomspace(max(L.min(), 1e-3) * 1.05, L.max(), 14)
            self._contour_sets[model.scaled] = self.ax_contour.contour(T0, T1, L, levels=levels, cmap="viridis",
                                                                       linewidths=1)
        for scaled, contours in self._contour_sets.items():
            contours.set_visible(scaled == model.scaled)
        self._contours_for = model.scaled
        (a0, b0), (a1, b1) = model.window()
        self.ax_contour.set_xlim(a0, b0)
        self.ax_contour.set_ylim(a1, b1)
        self.ax_contour.set_ylabel("θ1 (slope of standardized z)" if model.scaled else "θ1 (slope per pyeong)")
        self.optimum_point.set_data(*([v] for v in model.optimum()))
        kind = "standardized z: round contours" if model.scaled else "unscaled x: stretched contours"
        self.ax_contour.set_title(kind, fontsize=10)
        return True

    def update(self) -> None:
        """Redraw from the model's state (the path and loss lines are updated in place)."""
        model = self.model
        full = self._draw_contours()
        path = model.path()
        shown = np.clip(path, -1e6, 1e6)
        self.path_line.set_data(shown[:, 0], shown[:, 1])
        self.start_point.set_data(shown[:1, 0], shown[:1, 1])
        steps = np.arange(model.n_steps + 1)
        gaps = {}
        for scaled, line in ((False, self.loss_unscaled), (True, self.loss_scaled)):
            with np.errstate(all="ignore"):
                best = model.mse(model.optimum(scaled), scaled)
                gap = model.losses(scaled) - best
            gaps[scaled] = gap  # the true values, for the readout
            line.set_data(steps, np.where(np.isfinite(gap), np.clip(gap, *GAP_LIMITS), GAP_LIMITS[1]))
            line.set_linewidth(3 if scaled == model.scaled else 1.2)
        # Fixed y-limits (gaps beyond them sit on the edge) and x-limits in steps of 25: the axes,
        # and so a full redraw, change only with the number of steps.
        limits = 25 * int(np.ceil(max(1, model.n_steps) / 25))
        if limits != self._limits:
            self.ax_loss.set_xlim(0, limits)
            self._limits, full = limits, True
        source = note_html(model.message)
        self.readout.value = (
            f"α = {model.lr():.4g} ({model.lr_fraction:.2f} of the stable limit 2 / λmax)<br>"
            f"condition number λmax / λmin: unscaled {model.condition_number(False):.0f}, "
            f"standardized {model.condition_number(True):.2f}<br>"
            f"MSE after {model.n_steps} steps: unscaled {gaps[False][-1]:.3g}, standardized {gaps[True][-1]:.3g} "
            "above the minimum" + source
        )
        self.blitter.redraw(full=full, key=(model.scaled, self._limits))

    def _on_change(self, change=None) -> None:
        model = self.model
        model.scaled = bool(self.scaled_toggle.value)
        model.lr_fraction = float(self.lr_slider.value)
        model.n_steps = int(self.steps_slider.value)
        self.update()


def show_loss_contours(namespace: dict | None = None, *, setup: str | None = None, controls=None,
                       presenter: bool = False, **settings) -> LossContourExplorer | None:
    """Build and display the explorer; returns it, or None under nbgrader (no widgets there).

    Pass a notebook's `globals()`: the path then comes from the notebook's `gradient_descent` and
    `mse_gradient` as they are when a control moves. Or pass them as keyword arguments.
    settings: scaled (bool), lr_fraction, n_steps to start from; gradient_descent, mse_gradient.
    setup, controls, presenter: see `dlcourse.viz.explorer`.
    """
    from dlcourse.viz.binding import late_bound

    if namespace is not None:
        for name in ("gradient_descent", "mse_gradient"):
            settings.setdefault(name, late_bound(namespace, name))
    return launch(lambda: LossContourExplorer(**settings), setup=setup, controls=controls, presenter=presenter)


# The name in notebooks released before December 2026 (students' copies keep working).
show_loss_contour_explorer = show_loss_contours
