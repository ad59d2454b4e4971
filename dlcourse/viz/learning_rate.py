"""Learning-rate explorer (week 2): gradient descent on a 1-D curve, too small / good / too large.

`LearningRateModel` is the pure-numpy state: a curve (the convex x² or a quartic with a local
and a global minimum), the learning rate, the start point, the number of steps, and the
student's `gradient_descent(grad, x0, lr, n_steps)`. It says whether the run converges,
oscillates or diverges, and where the stable range of learning rates lies: near a minimum x*
the update x ← x − α·f′(x) multiplies the distance to x* by about (1 − α·f″(x*)), so it shrinks
only while α < 2 / f″(x*). For x² (f″ = 2) that is α < 1; α = 1 bounces between ±x0 for ever.

`LearningRateExplorer` is the thin view: a curve selector, a log-scale learning-rate slider, a
start-point slider and a steps slider; the path is drawn on the curve, the distance to the
minimum per step beside it, and the learning rate on a strip with the stable range shaded.

The library holds no solution to week 2: the path comes from the student's own
`gradient_descent` (the lecture demo passes a lecture version). Until it is written the view
shows the curve and says so.

Named setups on x² from x0 = 2: "lr small converges slowly" (α = 0.01), "lr = 1 oscillates",
"lr too large diverges" (α = 1.5); and "quartic: larger rate", which jumps the hump.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Callable

import numpy as np

from dlcourse.viz.binding import call_student, note_html
from dlcourse.viz.explorer import Explorer, launch, live_readout
from dlcourse.viz.palette import BLUE, GREEN, ORANGE, RED

GradientDescentFn = Callable[[Callable, np.ndarray, float, int], np.ndarray]

LIMIT = 1e6  # |x| beyond this counts as diverged; the gradient becomes nan (no overflow warnings)
CLASSIFY_STEPS = 400  # the verdict looks at a longer run than the one drawn


@dataclass(frozen=True)
class Curve:
    """A 1-D function with its first and second derivatives and its local minima."""

    name: str
    label: str
    f: Callable[[np.ndarray], np.ndarray]
    df: Callable[[np.ndarray], np.ndarray]
    d2f: Callable[[np.ndarray], np.ndarray]
    derivative_coefficients: tuple[float, ...]  # f'(x) as a polynomial, highest power first
    x_range: tuple[float, float]
    y_range: tuple[float, float]

    def minima(self) -> np.ndarray:
        """The local minima (real roots of f' with f'' > 0), sorted."""
        roots = np.roots(self.derivative_coefficients)
        real = np.sort(roots[np.abs(roots.imag) < 1e-9].real)
        return np.array([r for r in real if self.d2f(r) > 0])

    def global_minimum(self) -> float:
        minima = self.minima()
        return float(minima[np.argmin(self.f(minima))])

    def stable_lr(self, x_star: float) -> float:
        """The largest learning rate that still converges near the minimum x*: 2 / f''(x*)."""
        return float(2.0 / self.d2f(x_star))


CURVES = {
    "convex": Curve(
        "convex", "f(x) = x²",
        f=lambda x: x**2, df=lambda x: 2 * x, d2f=lambda x: 2.0 + 0 * np.asarray(x, dtype=float),
        derivative_coefficients=(2.0, 0.0), x_range=(-3.0, 3.0), y_range=(-0.5, 9.5),
    ),
    "quartic": Curve(
        "quartic", "f(x) = x⁴ − 3x² + x",
        f=lambda x: x**4 - 3 * x**2 + x, df=lambda x: 4 * x**3 - 6 * x + 1, d2f=lambda x: 12 * x**2 - 6,
        derivative_coefficients=(4.0, 0.0, -6.0, 1.0), x_range=(-2.2, 2.2), y_range=(-4.5, 8.0),
    ),
}

VERDICTS = ("converges", "oscillates", "diverges")

# Set-ups the notebook's text refers to (ours, not the lecture's numbers): on the quartic from
# x0 = 2, α = 0.01 settles in the local minimum near 1.13; α = 0.1 jumps the hump to the global
# minimum near -1.30 (still below its stable bound 2 / f''(-1.30) ≈ 0.14).
PRESETS = {
    "quartic: small rate": {"curve": "quartic", "lr": 0.01, "x0": 2.0, "n_steps": 100},
    "quartic: larger rate": {"curve": "quartic", "lr": 0.1, "x0": 2.0, "n_steps": 100},
}


def classify(path: np.ndarray, minima: np.ndarray, tol: float = 1e-8) -> str:
    """'converges', 'oscillates' or 'diverges', from a (long) path of 1-D iterates.

    diverges:   leaves |x| < LIMIT (or becomes nan/inf), or its distance to the nearest minimum
                keeps growing past where it started;
    converges:  ends at a minimum, or its distance to the nearest minimum keeps shrinking;
    oscillates: neither — it stays bounded without settling (x² at α = 1 bounces between ±x0).
    """
    x = np.asarray(path, dtype=float).ravel()
    if not np.all(np.isfinite(x)) or np.max(np.abs(x)) > LIMIT:
        return "diverges"
    distance = np.min(np.abs(x[:, None] - np.asarray(minima)[None, :]), axis=1)
    if distance[-1] < tol:
        return "converges"
    quarter = max(1, len(x) // 4)
    last, before = distance[-quarter:].max(), distance[-2 * quarter:-quarter].max()
    if last < 0.99 * before:
        return "converges"
    if last > 1.01 * before and last > distance[0]:
        return "diverges"
    return "oscillates"


class LearningRateModel:
    """State of the explorer: the curve, α, the start, the steps and the student's function.

    Args:
        gradient_descent: the student's `gradient_descent(grad, x0, lr, n_steps)` returning the
            iterates, shape (n_steps + 1, *x0.shape); or None.
    """

    def __init__(self, gradient_descent: GradientDescentFn | None = None, curve: str = "convex",
                 lr: float = 0.1, x0: float = 2.0, n_steps: int = 20):
        self.gradient_descent = gradient_descent
        self.curve_name = curve
        self.lr, self.x0, self.n_steps = float(lr), float(x0), int(n_steps)
        self.message = ""

    @property
    def curve(self) -> Curve:
        return CURVES[self.curve_name]

    def set(self, **changes) -> None:
        """Change any of curve, lr, x0, n_steps."""
        for name, value in changes.items():
            if name == "curve":
                if value not in CURVES:
                    raise ValueError(f"curve must be one of {sorted(CURVES)}; got {value!r}")
                self.curve_name = value
            elif name in ("lr", "x0"):
                setattr(self, name, float(value))
            elif name == "n_steps":
                self.n_steps = int(value)
            else:
                raise TypeError(f"unknown setting {name!r}")

    def _grad(self, x):
        """f'(x) for the student's function; nan once |x| is past LIMIT (a divergence, quietly)."""
        x = np.asarray(x, dtype=float)
        with np.errstate(all="ignore"):
            return np.where(np.abs(x) > LIMIT, np.nan, self.curve.df(np.clip(x, -LIMIT, LIMIT)))

    def run(self, n_steps: int) -> np.ndarray | None:
        """The student's iterates x_0..x_n as a flat array, or None (with `message` saying why)."""
        if self.gradient_descent is None:
            self.message = "Pass your gradient_descent function to see the path."
            return None
        def run_students_code():
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                path = self.gradient_descent(self._grad, np.array([self.x0]), self.lr, int(n_steps))
            return np.asarray(path, dtype=float)

        path, self.message = call_student("gradient_descent", run_students_code)
        if path is None:
            return None
        if path.shape != (n_steps + 1, 1):
            self.message = f"gradient_descent() returned shape {path.shape}; expected {(n_steps + 1, 1)}."
            return None
        self.message = ""
        return path[:, 0]

    def path(self) -> np.ndarray | None:
        """The iterates drawn: n_steps + 1 points, the first one x0."""
        return self.run(self.n_steps)

    def verdict(self) -> str | None:
        """'converges', 'oscillates' or 'diverges' for the current α and start, or None."""
        long_path = self.run(max(self.n_steps, CLASSIFY_STEPS))
        if long_path is None:
            return None
        return classify(long_path, self.curve.minima())

    def stable_ranges(self) -> list[tuple[float, float]]:
        """(x*, 2 / f''(x*)) for each minimum x*, the global minimum first."""
        minima = sorted(self.curve.minima(), key=lambda m: self.curve.f(m))
        return [(float(m), self.curve.stable_lr(m)) for m in minima]


DISTANCE_LIMITS = (1e-12, 1e6)  # |x_k − x*| axis: from "converged" to "diverged"


class LearningRateExplorer(Explorer):
    """The widget view. Example (in a notebook):

        LearningRateExplorer(gradient_descent=gradient_descent).show()
    """

    name = "learning_rate"
    description = ("Left: a curve with gradient descent's path on it, from the start point to the last step, "
                   "and a verdict: converges, oscillates or diverges. Right: the distance to the nearest minimum "
                   "after each step, on a log scale. Below: the learning rate on a log scale, with the range "
                   "that converges shaded green.")
    PRESENTER_MARKS = 1.3  # its tall figure grows only ×1.08 under the controls: its text makes up the rest
    SETUPS = {
        "lr small converges slowly": "curve=convex&lr=0.01&x0=2.0&n_steps=20",
        "lr = 1 oscillates": "curve=convex&lr=1.0&x0=2.0&n_steps=20",
        "lr too large diverges": "curve=convex&lr=1.5&x0=2.0&n_steps=20",
        "quartic: larger rate": "curve=quartic&lr=0.1&x0=2.0&n_steps=100",
    }

    LR_RANGE = (-3.0, 0.5)  # log10 of the learning rate: 0.001 to about 3.2

    def __init__(self, gradient_descent: GradientDescentFn | None = None, curve: str = "convex",
                 lr: float = 0.1, x0: float = 2.0, n_steps: int = 20):
        import ipywidgets as widgets

        from dlcourse.viz.figure import Blitter, interactive_figure

        self.model = LearningRateModel(gradient_descent, curve, lr, x0, n_steps)
        style = {"description_width": "90px"}

        def wide():  # a Layout per control: hiding one (`controls=`) sets its layout's display
            return widgets.Layout(width="340px")

        self.curve_choice = widgets.ToggleButtons(
            options=[("x²", "convex"), ("quartic", "quartic")], value=curve, description="curve", style=style)
        self.lr_slider = widgets.FloatLogSlider(
            value=lr, base=10, min=self.LR_RANGE[0], max=self.LR_RANGE[1], step=0.01,
            description="learning rate", readout_format=".3f", style=style, layout=wide())
        self.x0_slider = widgets.FloatSlider(value=x0, min=-2.0, max=2.0, step=0.05, description="start x0",
                                             readout_format=".2f", style=style, layout=wide())
        self.steps_slider = widgets.IntSlider(value=n_steps, min=1, max=100, description="steps",
                                              style=style, layout=wide())
        for control in (self.curve_choice, self.lr_slider, self.x0_slider, self.steps_slider):
            control.observe(self._on_change, names="value")
        self.preset = widgets.Dropdown(options=[("choose…", "")] + [(name, name) for name in PRESETS],
                                       description="preset", style=style, layout=wide())
        self.preset.observe(self._on_preset, names="value")
        self.readout = live_readout()
        self.fig = interactive_figure(8.0, 5.0)
        self._build_artists()
        # Everything a slider moves; the curve, the stable range and the axes change only with
        # the curve choice or the axis limits, and then the whole figure is drawn again.
        self.blitter = Blitter(self.fig, [self.path_line, self.start_point, self.end_point, self.verdict_text,
                                          self.dist_line, self.lr_marker, self.ax_curve.title])
        self._limits = None
        self.update()
        # The preset menu only sets the four controls: an action, not part of the setup.
        self._finish([self.curve_choice, self.lr_slider, self.x0_slider, self.steps_slider, self.preset, self.readout],
                     {"curve": self.curve_choice, "lr": self.lr_slider, "x0": self.x0_slider,
                      "n_steps": self.steps_slider},
                     actions={"preset": self.preset}, panel_width="350px")

    # -- drawing ---------------------------------------------------------------------------
    def _build_artists(self) -> None:
        from matplotlib.patches import Rectangle

        fig = self.fig
        fig.subplots_adjust(left=0.08, right=0.97, bottom=0.1, top=0.93, wspace=0.3, hspace=0.45)
        grid = fig.add_gridspec(2, 2, height_ratios=(4, 1), width_ratios=(1.5, 1))
        self.ax_curve = fig.add_subplot(grid[0, 0])
        self.ax_dist = fig.add_subplot(grid[0, 1])
        self.ax_lr = fig.add_subplot(grid[1, :])
        (self.curve_line,) = self.ax_curve.plot([], [], color="0.3", lw=2)
        (self.path_line,) = self.ax_curve.plot([], [], "-o", color=ORANGE, ms=4, lw=1, alpha=0.9,
                                               label="GD path")
        (self.start_point,) = self.ax_curve.plot([], [], "o", color=GREEN, ms=9, label="start x0")
        (self.end_point,) = self.ax_curve.plot([], [], "X", color=RED, ms=10, label="last step")
        (self.minima_points,) = self.ax_curve.plot([], [], "*", color="black", ms=12, label="minima")
        self.ax_curve.set_xlabel("x")
        self.ax_curve.set_ylabel("f(x)")
        # Lower right: empty on both curves (they rise steeply on the right); the start sits top right.
        self.ax_curve.legend(loc="lower right", fontsize=7)
        self.verdict_text = self.ax_curve.text(0.03, 0.93, "", transform=self.ax_curve.transAxes, va="top",
                                               fontsize=11, fontweight="bold",
                                               bbox={"facecolor": "white", "edgecolor": "0.7"})
        (self.dist_line,) = self.ax_dist.semilogy([], [], "-o", color=ORANGE, ms=3, lw=1)
        self.ax_dist.set_xlabel("step k")
        self.ax_dist.set_ylabel("|x_k − x*|")
        self.ax_dist.set_title("distance to the minimum", fontsize=10)
        self.ax_dist.set_ylim(*DISTANCE_LIMITS)
        self.ax_lr.set_xscale("log")
        self.ax_lr.set_xlim(10 ** self.LR_RANGE[0], 10 ** self.LR_RANGE[1])
        self.ax_lr.set_ylim(0, 1)
        self.ax_lr.set_yticks([])
        self.ax_lr.set_xlabel("learning rate α (log scale); green: converges near the global minimum, α < 2 / f''(x*)",
                              fontsize=8)
        self.stable_patch = Rectangle((10 ** self.LR_RANGE[0], 0), 0, 1, color=GREEN, alpha=0.3)
        self.local_patch = Rectangle((10 ** self.LR_RANGE[0], 0), 0, 0.4, color=BLUE, alpha=0.25)
        self.ax_lr.add_patch(self.stable_patch)
        self.ax_lr.add_patch(self.local_patch)
        self.bound_line = self.ax_lr.axvline(1.0, color=GREEN, lw=2)
        self.lr_marker = self.ax_lr.axvline(0.1, color=RED, lw=3)
        self.bound_text = self.ax_lr.text(1.0, 0.55, "", fontsize=8, color="darkgreen")

    def update(self) -> None:
        """Redraw from the model's current state (artists updated in place)."""
        model, curve = self.model, self.model.curve
        xs = np.linspace(*curve.x_range, 400)
        self.curve_line.set_data(xs, curve.f(xs))
        self.ax_curve.set_xlim(*curve.x_range)
        self.ax_curve.set_ylim(*curve.y_range)
        self.ax_curve.set_title(f"{curve.label}, α = {model.lr:.3g}, {model.n_steps} steps",
                                fontsize=10 * self.marks)
        minima = curve.minima()
        self.minima_points.set_data(minima, curve.f(minima))
        path = model.path()
        verdict = model.verdict() if path is not None else None
        if path is None:
            for line in (self.path_line, self.start_point, self.end_point, self.dist_line):
                line.set_data([], [])
            self.start_point.set_data([model.x0], [curve.f(model.x0)])
            self.verdict_text.set_text("")
        else:
            shown = np.clip(path, -1e3, 1e3)  # a diverging path runs off the axes, visibly
            with np.errstate(all="ignore"):
                self.path_line.set_data(shown, curve.f(shown))
                self.start_point.set_data(shown[:1], curve.f(shown[:1]))
                self.end_point.set_data(shown[-1:], curve.f(shown[-1:]))
                distance = np.min(np.abs(path[:, None] - minima[None, :]), axis=1)
            distance = np.where(np.isfinite(distance), np.maximum(distance, 1e-16), 1e16)
            # Fixed y-limits (values beyond them sit on the edge, visibly) and x-limits in steps of
            # 10: limits, and so full redraws, change only when the number of steps does.
            self.dist_line.set_data(np.arange(len(path)), np.clip(distance, *DISTANCE_LIMITS))
            self.ax_dist.set_xlim(0, 10 * int(np.ceil(max(1, len(path) - 1) / 10)))
            color = {"converges": GREEN, "oscillates": ORANGE, "diverges": RED}[verdict]
            self.verdict_text.set_text(verdict)
            self.verdict_text.set_color(color)
        (x_global, bound), *rest = model.stable_ranges()
        low = 10 ** self.LR_RANGE[0]
        self.stable_patch.set_width(bound - low)
        self.local_patch.set_width((rest[0][1] - low) if rest else 0)
        self.bound_line.set_xdata([bound, bound])
        self.lr_marker.set_xdata([model.lr, model.lr])
        text = f"2 / f''({x_global:.2f}) = {bound:.3g}"
        if rest:
            text += f"   (blue: local minimum x = {rest[0][0]:.2f}, bound {rest[0][1]:.3g})"
        self.bound_text.set_text(text)
        self.bound_text.set_x(low * 1.3)
        note = note_html(model.message, line_break=False)
        summary = f"<b>{verdict}</b> (α = {model.lr:.3g}, stable below {bound:.3g})" if verdict else ""
        self.readout.value = summary + ("<br>" if summary and note else "") + note
        limits = (model.curve_name, self.ax_dist.get_xlim() + self.ax_dist.get_ylim())
        full = limits != self._limits
        self._limits = limits
        self.blitter.redraw(full=full)

    # -- controls ----------------------------------------------------------------------------
    def _on_preset(self, change) -> None:
        if not change["new"]:  # "choose…"
            return
        settings = PRESETS[change["new"]]
        with self.quietly():  # one update for four controls
            self.curve_choice.value = settings["curve"]
            self.lr_slider.value = settings["lr"]
            self.x0_slider.value = settings["x0"]
            self.steps_slider.value = settings["n_steps"]
        self._on_change()

    def _on_change(self, change=None) -> None:
        if self.quiet:
            return
        self.model.set(curve=self.curve_choice.value, lr=self.lr_slider.value, x0=self.x0_slider.value,
                       n_steps=self.steps_slider.value)
        self.update()


def show_learning_rate(
    namespace: dict | None = None, *, gradient_descent: GradientDescentFn | None = None,
    setup: str | None = None, controls=None, presenter: bool = False, **settings
) -> LearningRateExplorer | None:
    """Build and display the explorer; returns it, or None under nbgrader (no widgets there).

    Pass a notebook's `globals()`: the explorer then calls the notebook's `gradient_descent` as it
    is when a control moves. Or pass `gradient_descent=` directly (the lecture demo does).
    settings: curve ('convex' or 'quartic'), lr, x0, n_steps to start from.
    setup, controls, presenter: see `dlcourse.viz.explorer` (the preset menu's name for `controls`
    is preset).
    """
    from dlcourse.viz.binding import late_bound

    if namespace is not None and gradient_descent is None:
        gradient_descent = late_bound(namespace, "gradient_descent")
    return launch(lambda: LearningRateExplorer(gradient_descent=gradient_descent, **settings), setup=setup,
                  controls=controls, presenter=presenter)


# The name in notebooks released before December 2026 (students' copies keep working).
show_learning_rate_explorer = show_learning_rate
