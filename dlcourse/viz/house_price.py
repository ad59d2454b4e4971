"""House-price explorer (week 1): move the weights and the bias, watch predictions and the loss.

`HousePriceModel` is the pure-numpy state: parameters, the student's `predict` and loss
functions, and a history of losses. `HousePriceExplorer` is the thin view: four sliders, a
"lecture example" menu, a gradient-descent button, and one figure whose artists are updated
in place.

The library holds no solution to week 1's exercises: predictions and losses come from the
functions the student passes in. Until those are written, the view shows the targets and says
which function is still missing. The gradient-descent button needs a gradient, which week 2
asks students to derive; here it comes from torch's autograd instead.

Named setups: the lecture's three examples ("lecture example 1" to "3") and the slide's first
computation without a bias ("first slide: no bias"), e.g. `show_house_price(globals(),
setup="lecture example 2")`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from dlcourse.houses import LECTURE_BIAS, LECTURE_FIRST_WEIGHTS, LECTURE_WEIGHTS, house_data
from dlcourse.viz.binding import call_student, note_html
from dlcourse.viz.explorer import Explorer, launch, live_readout, setup_text
from dlcourse.viz.palette import BLUE, PURPLE, RED

PredictFn = Callable[[np.ndarray, np.ndarray, float], np.ndarray]
LossFn = Callable[[np.ndarray, np.ndarray], float]

# Slider ranges: wide enough for every lecture example and for what gradient descent reaches.
PARAMETER_RANGES = {
    "w1": (-0.1, 0.4, 0.001),  # fine: w1 multiplies areas of ~35 pyeong
    "w2": (-2.0, 2.0, 0.01),
    "w3": (-6.0, 6.0, 0.05),
    "b": (-3.0, 3.0, 0.05),
}


def snap(name: str, value: float) -> float:
    """The slider value nearest to `value` (the browser rounds to these and sends them back)."""
    low, high, step = PARAMETER_RANGES[name]
    return round(min(max(low + round((value - low) / step) * step, low), high), 10)


@dataclass
class HousePriceModel:
    """State of the explorer: data, parameters, the student's functions and the loss history.

    Args:
        predict: the student's `predict(X, w, b) -> (m,)`, or None.
        losses: loss name -> the student's `loss(y_true, y_pred) -> float`, e.g. {"MAE": mae}.
    """

    predict: PredictFn | None = None
    losses: dict[str, LossFn] = field(default_factory=dict)
    weights: np.ndarray = field(default_factory=lambda: np.array(LECTURE_WEIGHTS[0]))
    bias: float = LECTURE_BIAS
    history: list[dict[str, float]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.X, self.y = house_data()
        self.weights = np.array(self.weights, dtype=float)
        self.message = ""

    def set_params(self, weights, bias: float) -> None:
        """Set the weights (3,) and the bias and record the new losses in the history."""
        weights = np.asarray(weights, dtype=float)
        if weights.shape != (3,):
            raise ValueError(f"weights must have shape (3,), one per feature; got {weights.shape}")
        self.weights = weights.copy()
        self.bias = float(bias)
        current = self.current_losses()
        if current:
            self.history.append(current)

    def predictions(self) -> np.ndarray | None:
        """The student's predictions for the three houses, or None (with `message` saying why)."""
        if self.predict is None:
            self.message = "Pass your predict function to see predictions."
            return None
        y_hat, self.message = call_student(
            "predict", lambda: np.asarray(self.predict(self.X, self.weights.copy(), self.bias), dtype=float))
        if y_hat is None:
            return None
        if y_hat.shape != self.y.shape:
            self.message = f"predict() returned shape {y_hat.shape}; expected {self.y.shape}."
            return None
        self.message = ""
        return y_hat

    def current_losses(self) -> dict[str, float]:
        """Each loss the student wrote, at the current parameters ({} if none can be computed)."""
        y_hat = self.predictions()
        if y_hat is None:
            return {}
        values = {}
        for name, loss in self.losses.items():
            try:
                values[name] = float(loss(self.y.copy(), y_hat))
            except NotImplementedError:
                self.message = f"{name.lower()}() is not written yet."
            except Exception as error:
                self.message = f"{name.lower()}() raised {type(error).__name__}: {error}"
        return values

    def gradient_descent(self, n_steps: int = 100) -> list[tuple[np.ndarray, float]]:
        """Run `n_steps` of full-batch gradient descent on the MSE from the current parameters.

        The gradient comes from torch's autograd (so the library gives away no week-2 answer).
        The learning rate is 1/L, with L the largest curvature of the MSE: the fastest stable
        step for these unscaled features. Returns the parameters after each step; the model
        ends at the last of them.
        """
        import torch

        A = np.column_stack([np.ones(len(self.X)), self.X])
        curvature = 2.0 / len(A) * np.linalg.eigvalsh(A.T @ A).max()
        lr = 1.0 / curvature
        theta = torch.tensor(np.concatenate([[self.bias], self.weights]), requires_grad=True)
        A_t, y_t = torch.from_numpy(A), torch.from_numpy(self.y)
        path = []
        for _ in range(n_steps):
            loss = torch.mean((A_t @ theta - y_t) ** 2)
            loss.backward()
            with torch.no_grad():  # the step by hand: torch.optim's first use costs a second of imports
                theta -= lr * theta.grad
            theta.grad = None
            values = theta.detach().numpy().copy()
            path.append((values[1:], float(values[0])))
        for weights, bias in path[:: max(1, n_steps // 20)] + path[-1:]:
            self.set_params(weights, bias)
        return path


def _parameters_setup(weights, bias: float) -> str:
    return setup_text(**{name: float(value) for name, value in zip(("w1", "w2", "w3", "b"), (*weights, bias))})


class HousePriceExplorer(Explorer):
    """The widget view: sliders for w1, w2, w3 and b; predictions vs targets; live MAE / MSE.

    Example (in a notebook):
        HousePriceExplorer(predict=predict, losses={"MAE": mae, "MSE": mse}).show()
    """

    name = "house_price"
    description = ("Left: the prices of three houses, fixed targets as black dots and the model's predictions "
                   "as blue dots, with a red line for each error. Right: the loss after each change of the "
                   "weights and the bias, a line that should go down.")
    # The parameters live in the sliders (gradient descent ends on slider values too), so they are the setup.
    SETUPS = {
        **{f"lecture example {k + 1}": _parameters_setup(weights, LECTURE_BIAS)
           for k, weights in enumerate(LECTURE_WEIGHTS)},
        "first slide: no bias": _parameters_setup(LECTURE_FIRST_WEIGHTS, 0.0),
    }

    def __init__(self, predict: PredictFn | None = None, losses: dict[str, LossFn] | None = None):
        import importlib

        import ipywidgets as widgets

        importlib.import_module("torch")  # now: the first gradient-descent click would wait ~2 s for it
        from dlcourse.viz.figure import Blitter, interactive_figure

        self.model = HousePriceModel(predict=predict, losses=dict(losses or {}))
        self.sliders = {}
        start = dict(zip(("w1", "w2", "w3"), LECTURE_WEIGHTS[0]), b=LECTURE_BIAS)
        for name, (low, high, step) in PARAMETER_RANGES.items():
            self.sliders[name] = widgets.FloatSlider(
                value=start[name], min=low, max=high, step=step, description=name,
                readout_format=".3f" if name == "w1" else ".2f", continuous_update=True,
                layout=widgets.Layout(width="340px"),
            )
            self.sliders[name].observe(self._on_slider, names="value")
        self.example = widgets.Dropdown(
            # Each choice's value is what it loads: (weights, bias).
            options=[(f"lecture example {k + 1}", (weights, LECTURE_BIAS)) for k, weights in enumerate(LECTURE_WEIGHTS)]
            + [("first slide: no bias", (LECTURE_FIRST_WEIGHTS, 0.0))],
            description="load", layout=widgets.Layout(width="340px"),
        )
        self.example.observe(self._on_example, names="value")
        self.descend = widgets.Button(description="Gradient descent ×100", icon="play",
                                      layout=widgets.Layout(width="220px"))
        self.descend.on_click(self._on_descend)
        self.readout = live_readout()
        self.fig = interactive_figure(7.2, 3.4)
        self._build_artists()
        self.blitter = Blitter(self.fig, [*self.residuals, self.pred_points, self.loss_line, self.steps_label])
        self._loss_limits = None
        self.model.set_params(*self._params_from_sliders())
        self.update()
        # The "load" menu only sets the sliders: an action, not part of the setup.
        self._finish([*self.sliders.values(), self.example, self.descend, self.readout], dict(self.sliders),
                     actions={"load": self.example, "descend": self.descend}, panel_width="350px")

    # -- drawing ---------------------------------------------------------------------------
    def _build_artists(self) -> None:
        model = self.model
        self.ax_fit, self.ax_loss = self.fig.subplots(1, 2, width_ratios=(1.2, 1))
        houses = np.arange(len(model.y))
        self.ax_fit.scatter(houses, model.y, s=90, color="black", zorder=3, label="target (fixed)")
        (self.pred_points,) = self.ax_fit.plot(
            houses, np.full(3, np.nan), "o", ms=9, color=BLUE, zorder=4,
            label="predict (changing)",
        )
        self.residuals = [self.ax_fit.plot([i, i], [np.nan, np.nan], color=RED, lw=2)[0]
                          for i in houses]
        self.ax_fit.set_xticks(houses, [f"house {i + 1}\n{int(a)} py, {int(r)} rooms\n{d} km to subway"
                                        for i, (a, r, d) in enumerate(model.X)], fontsize=8)
        self.ax_fit.set_ylabel("price (100M won)")
        self.ax_fit.set_xlim(-0.5, 2.5)
        self.ax_fit.set_ylim(0, 14)
        self.ax_fit.legend(loc="upper left", fontsize=8)
        self.ax_fit.set_title("targets vs predictions; red = error", fontsize=10)
        (self.loss_line,) = self.ax_loss.plot([], [], color=PURPLE, lw=2)
        # The history is drawn over the full width whatever its length, and its length is a text
        # the blitter redraws: the axes never change as it grows, so no step needs a full draw.
        self.ax_loss.set_xticks([])
        self.steps_label = self.ax_loss.text(0.5, -0.06, "", transform=self.ax_loss.transAxes, ha="center",
                                             va="top", fontsize=9)
        self.ax_loss.set_ylabel("MAE")
        self.ax_loss.set_title("loss history (lower is better)", fontsize=10)
        self.ax_loss.set_ylim(0, 3)
        self.ax_loss.set_xlim(0, 1)

    def update(self) -> None:
        """Redraw from the model's current state (artists updated in place)."""
        model = self.model
        y_hat = model.predictions()
        shown = np.full(3, np.nan) if y_hat is None else y_hat
        self.pred_points.set_ydata(shown)
        for i, line in enumerate(self.residuals):
            line.set_ydata([model.y[i], shown[i]])
        first = next(iter(model.losses), None)
        series = [h[first] for h in model.history if first in h] if first else []
        self.loss_line.set_data(np.linspace(0, 1, len(series)) if len(series) > 1 else [0.0] * len(series), series)
        self.steps_label.set_text(f"changes of parameters: 0 to {max(len(series) - 1, 0):,}")
        limits = self._loss_limits
        if series:
            # The loss axis grows in whole units (rarely): a limit change needs a full redraw.
            limits = (first, max(3.0, float(np.ceil(max(series)))))
        full = limits != self._loss_limits
        if full and series:
            self.ax_loss.set_ylabel(first)
            self.ax_loss.set_ylim(0, limits[1])
            self._loss_limits = limits
        losses = model.history[-1] if model.history and y_hat is not None else {}
        parts = [f"<b>{name}</b> = {value:.3f}" for name, value in losses.items()]
        note = note_html(model.message)
        self.readout.value = "&nbsp;&nbsp;".join(parts) + note
        self.blitter.redraw(full=full)

    # -- controls ----------------------------------------------------------------------------
    def _params_from_sliders(self) -> tuple[np.ndarray, float]:
        s = self.sliders
        return np.array([s["w1"].value, s["w2"].value, s["w3"].value]), s["b"].value

    def _on_slider(self, change=None) -> None:
        if self.quiet:
            return
        if change is not None and self.browser_echo(change):
            return
        self.model.set_params(*self._params_from_sliders())
        self.update()

    def _set_sliders(self, weights, bias) -> None:
        with self.quietly():  # one model update for four slider moves
            for name, value in zip(("w1", "w2", "w3", "b"), (*weights, bias)):
                self.sliders[name].value = float(value)

    def _on_example(self, change) -> None:
        weights, bias = change["new"]
        self._set_sliders(weights, bias)
        self._on_slider()

    def _on_descend(self, button=None) -> None:
        self.model.gradient_descent(n_steps=100)
        # End exactly where the sliders can show: model and sliders agree.
        names = ("w1", "w2", "w3")
        weights = [snap(n, v) for n, v in zip(names, self.model.weights)]
        bias = snap("b", self.model.bias)
        self._set_sliders(weights, bias)
        self.model.set_params(weights, bias)
        self.update()


def show_house_price(
    namespace: dict | None = None,
    *,
    predict: PredictFn | None = None,
    losses: dict[str, LossFn] | None = None,
    setup: str | None = None,
    controls=None,
    presenter: bool = False,
) -> HousePriceExplorer | None:
    """Build and display the explorer; returns it, or None under nbgrader (no widgets there).

    Pass a notebook's `globals()` as `namespace`: the explorer then calls the notebook's
    `predict`, `mae` and `mse` as they are *when a control moves*, so it can be shown before the
    exercises are done and starts working as soon as they are. Or pass the functions directly.
    setup, controls, presenter: see `dlcourse.viz.explorer` (setups name w1, w2, w3, b; the
    buttons' names for `controls` are load and descend).
    """
    from dlcourse.viz.binding import late_bound

    if namespace is not None:
        predict = predict or late_bound(namespace, "predict")
        losses = losses or {"MAE": late_bound(namespace, "mae"), "MSE": late_bound(namespace, "mse")}
    return launch(lambda: HousePriceExplorer(predict=predict, losses=losses), setup=setup, controls=controls,
                  presenter=presenter)


# The name in notebooks released before December 2026 (students' copies keep working).
show_house_price_explorer = show_house_price
