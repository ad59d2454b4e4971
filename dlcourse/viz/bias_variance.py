"""Bias-variance explorer (week 4): many polynomial fits to fresh noisy data, and what they cost.

The data: y = f(x) + ε with the truth f(x) = sin(2πx) on [0, 1] and noise ε ~ N(0, 0.3²), 40
training points per data set. For a polynomial `degree` and an L2 strength `l2`, the student's
`simulate_fits` fits 100 fresh training sets and predicts on 60 points of [0.05, 0.95]. The picture:

- left: 30 of the fits (faint), their mean (the average model) and the truth. Low degree: the
  fits agree with each other but miss the truth (bias, 편향). High degree: the mean is close to
  the truth but the fits scatter (variance, 분산).
- middle: bars of bias², variance and noise σ² (from the student's
  `bias_variance_decomposition`), their sum, and the *measured* expected test MSE: the fits'
  squared error on fresh noisy test targets, computed here independently. The sum matches it.
- right: the complexity curve, bias², variance and their total (+ σ²) against the degree at the
  current l2, with the current degree marked.

`BiasVarianceModel` is the pure-numpy state (cached per degree and l2); `BiasVarianceExplorer` is
the thin view. The library holds no solution to week 4: the fits and the decomposition come from
the student's functions; until they work the explorer shows what it can and says what is missing.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from dlcourse.viz.binding import note_html
from dlcourse.viz.explorer import Explorer, launch, live_readout
from dlcourse.viz.palette import BLUE, ORANGE, PURPLE, RED

NOISE_STD = 0.3
N_SAMPLES = 40
N_DATASETS = 100
N_SHOWN = 20
DEGREES = tuple(range(0, 11))
L2_VALUES = (0.0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0, 10.0)
X_EVAL = np.linspace(0.05, 0.95, 60)  # inside [0, 1]: at the very edges high degrees extrapolate wildly
SIM_SEED = 4
TEST_SEED = 40


def true_f(x: np.ndarray) -> np.ndarray:
    """The truth f(x) = sin(2πx)."""
    return np.sin(2 * np.pi * np.asarray(x, dtype=float))


def _describe(error: Exception, name: str) -> str:
    if isinstance(error, NotImplementedError):
        return f"{name} is not written yet."
    return f"{name} raised {type(error).__name__}: {error}"


class BiasVarianceModel:
    """State of the explorer.

    Args:
        simulate_fits: `simulate_fits(f, degree, n_datasets, n_samples, noise_std, x_eval, seed, l2)`
            → predictions (n_datasets, len(x_eval)); or None.
        decomposition: `bias_variance_decomposition(predictions, f_eval, noise_var)` → dict with
            'bias2', 'variance', 'noise', 'expected_mse'; or None.
        degree, l2: the starting settings.
    """

    def __init__(self, simulate_fits: Callable | None = None, decomposition: Callable | None = None,
                 degree: int = 3, l2: float = 0.0):
        self.simulate_fits = simulate_fits
        self.decomposition = decomposition
        self.degree, self.l2 = int(degree), float(l2)
        self.x_eval = X_EVAL
        self.f_eval = true_f(X_EVAL)
        self.noise_var = NOISE_STD ** 2
        # Fresh noisy test targets, one per fit and point, drawn once: the measured test MSE.
        self.y_test = self.f_eval + NOISE_STD * np.random.default_rng(TEST_SEED).standard_normal(
            (N_DATASETS, X_EVAL.size))
        self._predictions: dict[tuple[int, float], np.ndarray] = {}
        self._decompositions: dict[tuple[int, float], dict[str, float]] = {}
        self._curves: dict[float, dict[str, np.ndarray]] = {}
        self.message = ""

    def clear(self) -> None:
        """Forget cached results (after the student changes a function)."""
        self._predictions.clear()
        self._decompositions.clear()
        self._curves.clear()

    # -- the student's functions, guarded --------------------------------------------------
    def predictions(self, degree: int | None = None, l2: float | None = None) -> np.ndarray | None:
        """The simulated fits for (degree, l2), shape (N_DATASETS, len(X_EVAL)); None (and a message) if unavailable."""
        degree = self.degree if degree is None else int(degree)
        l2 = self.l2 if l2 is None else float(l2)
        key = (degree, l2)
        if key in self._predictions:
            return self._predictions[key]
        if self.simulate_fits is None:
            self.message = "Pass your simulate_fits to see the fits."
            return None
        try:
            result = self.simulate_fits(true_f, degree, N_DATASETS, N_SAMPLES, NOISE_STD, self.x_eval, SIM_SEED, l2)
            result = np.array(result, dtype=float)
        except Exception as error:  # a student's bug must not break the lecture's picture
            self.message = _describe(error, "simulate_fits")
            return None
        if result.shape != (N_DATASETS, X_EVAL.size):
            self.message = (f"simulate_fits returned shape {result.shape}, expected "
                            f"{(N_DATASETS, X_EVAL.size)} (n_datasets, len(x_eval)).")
            return None
        self._predictions[key] = result
        return result

    def measured_mse(self, predictions: np.ndarray) -> float:
        """Expected test MSE measured directly: mean over fits and points of (fresh y − ŷ)²."""
        return float(np.mean((self.y_test - predictions) ** 2))

    def decompose(self, degree: int | None = None, l2: float | None = None) -> dict[str, float] | None:
        """The student's decomposition of the fits for (degree, l2); None (and a message) if unavailable."""
        degree = self.degree if degree is None else int(degree)
        l2 = self.l2 if l2 is None else float(l2)
        key = (degree, l2)
        if key in self._decompositions:
            return self._decompositions[key]
        predictions = self.predictions(degree, l2)
        if predictions is None:
            return None
        if self.decomposition is None:
            self.message = "Pass your bias_variance_decomposition to see the bars."
            return None
        try:
            parts = self.decomposition(predictions.copy(), self.f_eval.copy(), self.noise_var)
            parts = {k: float(parts[k]) for k in ("bias2", "variance", "noise", "expected_mse")}
        except Exception as error:
            self.message = _describe(error, "bias_variance_decomposition")
            return None
        self._decompositions[key] = parts
        return parts

    def curve(self, l2: float | None = None) -> dict[str, np.ndarray]:
        """Per degree in DEGREES at `l2`: 'bias2', 'variance', 'total' (= bias² + variance + σ²) and 'measured'; nan where unavailable."""
        l2 = self.l2 if l2 is None else float(l2)
        if l2 in self._curves:
            return self._curves[l2]
        out = {k: np.full(len(DEGREES), np.nan) for k in ("bias2", "variance", "total", "measured")}
        complete = True
        for i, degree in enumerate(DEGREES):
            predictions = self.predictions(degree, l2)
            if predictions is None:
                complete = False
                break
            out["measured"][i] = self.measured_mse(predictions)
            parts = self.decompose(degree, l2)
            if parts is None:
                complete = False
                continue
            out["bias2"][i], out["variance"][i] = parts["bias2"], parts["variance"]
            out["total"][i] = parts["bias2"] + parts["variance"] + parts["noise"]
        if complete:
            self._curves[l2] = out
        return out

    def state(self) -> dict:
        """Everything the view draws for the current settings (and sets `message`)."""
        self.message = ""
        predictions = self.predictions()
        parts = self.decompose() if predictions is not None else None
        message = self.message
        curve = self.curve()
        self.message = message or self.message
        return {
            "predictions": predictions,
            "mean": None if predictions is None else predictions.mean(axis=0),
            "parts": parts,
            "measured": None if predictions is None else self.measured_mse(predictions),
            "curve": curve,
        }


class BiasVarianceExplorer(Explorer):
    """The widget view. Example: BiasVarianceExplorer(simulate_fits, bias_variance_decomposition).show()"""

    name = "bias_variance"
    description = ("Three panels. Left: 20 of 100 polynomial fits to fresh noisy data sets, their mean and the "
                   "true sine curve. Middle: bars of bias squared, variance, noise, their sum and the measured "
                   "test error. Right: bias squared, variance and their total against the polynomial degree, "
                   "with the current degree marked.")
    SETUPS = {
        "underfit: degree 1": "degree=1&l2=0.0",
        "a good fit: degree 3": "degree=3&l2=0.0",
        "overfit: degree 10": "degree=10&l2=0.0",
        "degree 10 tamed by L2": "degree=10&l2=0.01",
    }

    def __init__(self, simulate_fits: Callable | None = None, decomposition: Callable | None = None,
                 degree: int = 3, l2: float = 0.0):
        import ipywidgets as widgets

        from dlcourse.viz.figure import Blitter, interactive_figure

        self.model = BiasVarianceModel(simulate_fits, decomposition, degree, l2)
        style = {"description_width": "60px"}
        self.degree_slider = widgets.IntSlider(value=self.model.degree, min=DEGREES[0], max=DEGREES[-1],
                                               description="degree", style=style, continuous_update=True,
                                               layout=widgets.Layout(width="300px"))
        self.l2_slider = widgets.SelectionSlider(options=[(f"{v:g}", v) for v in L2_VALUES], value=self.model.l2,
                                                 description="L2", style=style, continuous_update=True,
                                                 layout=widgets.Layout(width="300px"))
        self.rerun = widgets.Button(description="run my functions again", icon="refresh",
                                    layout=widgets.Layout(width="220px"))
        self.readout = live_readout()
        self.degree_slider.observe(self._on_change, names="value")
        self.l2_slider.observe(self._on_change, names="value")
        self.rerun.on_click(self._on_rerun)
        self.fig = interactive_figure(8.8, 3.2)
        self._build_artists()
        self.blitter = Blitter(self.fig, [self.fits, self.mean_line, *self.bars, self.cap_marks,
                                          *self.curve_lines.values(), self.degree_line, self.degree_points])
        self.update()
        self._finish([self.degree_slider, self.l2_slider, self.rerun, self.readout],
                     {"degree": self.degree_slider, "l2": self.l2_slider}, actions={"rerun": self.rerun},
                     panel_width="310px")

    # -- drawing ---------------------------------------------------------------------------
    def _build_artists(self) -> None:
        from matplotlib.collections import LineCollection

        model = self.model
        self.fig.subplots_adjust(left=0.075, right=0.985, bottom=0.2, top=0.9, wspace=0.3)
        self.ax_fit, self.ax_bar, self.ax_curve = self.fig.subplots(1, 3, width_ratios=(1.3, 1, 1.2))
        self.fits = LineCollection([], colors=BLUE, alpha=0.18, lw=1)
        self.ax_fit.add_collection(self.fits)
        self.ax_fit.plot(model.x_eval, model.f_eval, color="black", lw=2, ls="--", label="truth f(x)")
        (self.mean_line,) = self.ax_fit.plot(model.x_eval, np.full(X_EVAL.size, np.nan), color=RED, lw=2,
                                             label="mean of the fits")
        self.ax_fit.plot([], [], color=BLUE, alpha=0.5, lw=1, label=f"fits ({N_SHOWN} of {N_DATASETS})")
        self.ax_fit.set_xlim(0, 1)
        self.ax_fit.set_ylim(-2, 2)
        self.ax_fit.set_xlabel("x")
        self.ax_fit.set_ylabel("prediction")
        self.ax_fit.set_title("fits to fresh noisy data sets", fontsize=10)
        self.ax_fit.legend(loc="lower left", fontsize=7)

        self.bar_names = ("bias²", "vari-\nance", "noise\nσ²", "sum", "measured\ntest MSE")
        colors = (ORANGE, BLUE, "0.6", PURPLE, "black")
        self.bars = list(self.ax_bar.bar(range(5), np.zeros(5), color=colors, width=0.7))
        (self.cap_marks,) = self.ax_bar.plot([], [], "^", color=RED, ms=7)  # bars cut at the top
        self.ax_bar.set_xticks(range(5), self.bar_names, fontsize=7)
        self.bar_top = 0.5
        self.ax_bar.set_ylim(0, self.bar_top)
        self.ax_bar.set_title("decomposition at this degree", fontsize=10)

        self.curve_lines = {}
        for key, color, label in (("bias2", ORANGE, "bias²"), ("variance", BLUE, "variance"),
                                  ("total", PURPLE, "bias² + variance + σ²"),
                                  ("measured", "black", "measured test MSE")):
            style = {"ls": "none", "marker": "o", "ms": 3} if key == "measured" else {"lw": 1.8}
            (self.curve_lines[key],) = self.ax_curve.plot(DEGREES, np.full(len(DEGREES), np.nan), color=color,
                                                          label=label, **style)
        self.ax_curve.axhline(model.noise_var, color="0.6", lw=1, ls=":", label="noise σ²")
        self.degree_line = self.ax_curve.axvline(model.degree, color=RED, lw=1, ls="--")
        (self.degree_points,) = self.ax_curve.plot([], [], "o", color=RED, ms=6, mfc="none")
        self.ax_curve.set_yscale("log")
        self.ax_curve.set_ylim(1e-5, 3)
        self.ax_curve.set_xlim(DEGREES[0] - 0.3, DEGREES[-1] + 0.3)
        self.ax_curve.set_xlabel("degree (model complexity)")
        self.ax_curve.set_title("complexity curve", fontsize=10)
        self.ax_curve.legend(loc="lower left", fontsize=6.5)

    def update(self) -> None:
        """Redraw from the model's state (artists updated in place), then blit."""
        model = self.model
        state = model.state()
        predictions = state["predictions"]
        if predictions is None:
            self.fits.set_segments([])
            self.mean_line.set_ydata(np.full(X_EVAL.size, np.nan))
        else:
            shown = predictions[:N_SHOWN]
            self.fits.set_segments([np.column_stack([model.x_eval, p]) for p in shown])
            self.mean_line.set_ydata(state["mean"])
        parts = state["parts"]
        heights = [np.nan] * 5
        if parts is not None:
            heights[:4] = [parts["bias2"], parts["variance"], parts["noise"],
                           parts["bias2"] + parts["variance"] + parts["noise"]]
        if state["measured"] is not None:
            heights[4] = state["measured"]
        caps = []
        for i, (bar, h) in enumerate(zip(self.bars, heights)):
            shown_h = 0.0 if not np.isfinite(h) else min(h, self.bar_top)
            bar.set_height(shown_h)
            if np.isfinite(h) and h > self.bar_top:
                caps.append(i)
        self.cap_marks.set_data(caps, [self.bar_top * 0.96] * len(caps))
        curve = state["curve"]
        for key, line in self.curve_lines.items():
            line.set_ydata(curve[key])
        self.degree_line.set_xdata([model.degree, model.degree])
        i = DEGREES.index(model.degree)
        ys = [curve[k][i] for k in ("bias2", "variance", "total")]
        self.degree_points.set_data([model.degree] * 3, ys)
        self.readout.value = self._readout(parts, state["measured"])
        self.blitter.redraw()

    def _readout(self, parts, measured) -> str:
        model = self.model
        lines = [f"degree <b>{model.degree}</b>, L2 <b>{model.l2:g}</b>, {N_DATASETS} data sets of {N_SAMPLES} points"]
        if parts is not None:
            total = parts["bias2"] + parts["variance"] + parts["noise"]
            lines.append(f"bias² {parts['bias2']:.4f} + variance {parts['variance']:.4f} + noise {parts['noise']:.4f}"
                         f" = <b>{total:.4f}</b>")
        if measured is not None:
            lines.append(f"measured test MSE (fresh noisy targets): <b>{measured:.4f}</b>")
        if model.message:
            lines.append(note_html(model.message, line_break=False))
        return "<br>".join(lines)

    # -- controls ----------------------------------------------------------------------------
    def _on_change(self, change=None) -> None:
        self.model.degree = int(self.degree_slider.value)
        self.model.l2 = float(self.l2_slider.value)
        self.update()

    def _on_rerun(self, button=None) -> None:
        self.model.clear()
        self.update()


def show_bias_variance(namespace: dict | None = None, *, simulate_fits: Callable | None = None,
                       decomposition: Callable | None = None, setup: str | None = None, controls=None,
                       presenter: bool = False, **settings) -> BiasVarianceExplorer | None:
    """Build and display the explorer; returns it, or None under nbgrader (no widgets there).

    Pass a notebook's `globals()` as `namespace`: the explorer then calls the notebook's
    `simulate_fits` and `bias_variance_decomposition` as they are *when a control moves*, so it
    can be shown before the exercises are done (press "run my functions again" after editing
    them). Or pass the functions directly. settings: degree, l2.
    setup, controls, presenter: see `dlcourse.viz.explorer`.
    """
    from dlcourse.viz.binding import late_bound

    if namespace is not None:
        simulate_fits = simulate_fits or late_bound(namespace, "simulate_fits")
        decomposition = decomposition or late_bound(namespace, "bias_variance_decomposition")
    return launch(lambda: BiasVarianceExplorer(simulate_fits, decomposition, **settings), setup=setup,
                  controls=controls, presenter=presenter)


# The name in notebooks released before December 2026 (students' copies keep working).
show_bias_variance_explorer = show_bias_variance
