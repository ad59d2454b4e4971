"""Activation explorer (week 5): an activation f, its derivative f', and where pre-activations land.

Left: f and f' of the chosen activation on z in [-8, 8]. Right: the histogram of the
pre-activations (활성화 이전 값) z = w . x of 2000 units, each with 100 standard-normal inputs and
weights drawn with standard deviation `scale` (so z has standard deviation 10 * scale), with f'
drawn over it. A large weight scale spreads z out; sigmoid and tanh units then sit where
f'(z) ≈ 0: they saturate (포화). The readout gives the fraction of saturated units.

`ActivationModel` is the numpy state. The curves come from the functions it is given — the
student's `sigmoid` and `sigmoid_grad`, etc., looked up when a control moves — so the student
sees their own code. Until those are written (or when they fail), the explorer shows PyTorch's
activation and the derivative from torch's autograd instead, and says so: the library holds no
numpy solution of week 5's exercises.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from dlcourse.viz.binding import note_html
from dlcourse.viz.explorer import Explorer, launch, live_readout
from dlcourse.viz.palette import BLUE, ORANGE, text_color

ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "step")
GRADIENT_NAMES = {"sigmoid": "sigmoid_grad", "tanh": "tanh_grad", "relu": "relu_grad",
                  "leaky_relu": "leaky_relu_grad", "step": None}
Z_RANGE = 8.0
N_GRID = 401
N_UNITS, N_INPUTS = 2000, 100
SCALE_RANGE = (0.01, 1.0, 0.01)
SATURATED = 0.05  # f'(z) below this fraction of max f' counts as saturated
BINS = np.linspace(-Z_RANGE, Z_RANGE, 81)


def torch_curves(name: str, z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """PyTorch's activation `name` at z and its derivative from autograd (the fallback picture)."""
    import torch

    t = torch.tensor(np.asarray(z, dtype=float), requires_grad=True)
    if name == "step":  # heaviside has no autograd rule; its derivative is 0 wherever it exists
        out = torch.heaviside(t.detach(), torch.tensor(0.0, dtype=t.dtype))
        return out.numpy().copy(), np.zeros(np.shape(z))
    functions = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu,
                 "leaky_relu": lambda v: torch.nn.functional.leaky_relu(v, 0.01)}
    out = functions[name](t)
    out.sum().backward()
    return out.detach().numpy().copy(), t.grad.numpy().copy()


def _call(function: Callable | None, z: np.ndarray, name: str) -> tuple[np.ndarray | None, str]:
    """The student's function at z, or (None, why not)."""
    if function is None:
        return None, f"{name}() is not given"
    try:
        with np.errstate(all="ignore"):
            out = function(z.copy())
    except NotImplementedError:
        return None, f"{name}() is not written yet"
    except Exception as error:  # a student's bug must not break the lecture's picture
        return None, f"{name}() raised {type(error).__name__}: {error}"
    if not isinstance(out, np.ndarray) or out.shape != z.shape:
        return None, f"{name}() returned {type(out).__name__} {getattr(out, 'shape', '')}, expected shape {z.shape}"
    return np.asarray(out, dtype=float), ""


class ActivationModel:
    """The explorer's state: chosen activation and weight scale; curves, histogram, saturation.

    Args:
        functions: name -> callable, e.g. {"sigmoid": sigmoid, "sigmoid_grad": sigmoid_grad, ...}
            (the student's functions; missing ones fall back to PyTorch's).
        seed: the random inputs and weights of the histogram.
    """

    def __init__(self, functions: dict[str, Callable] | None = None, seed: int = 0):
        self.functions = dict(functions or {})
        rng = np.random.default_rng(seed)
        X = rng.standard_normal((N_UNITS, N_INPUTS))
        w = rng.standard_normal((N_UNITS, N_INPUTS))
        self._base = np.einsum("ij,ij->i", X, w)  # z for weight scale 1: std 10
        self.z_grid = np.linspace(-Z_RANGE, Z_RANGE, N_GRID)
        self.activation = "sigmoid"
        self.scale = 0.1
        self.message = ""

    def preactivations(self) -> np.ndarray:
        """z = w . x of every unit at the current weight scale, shape (N_UNITS,)."""
        return self.scale * self._base

    def histogram(self) -> np.ndarray:
        """Fraction of units per bin of BINS (values outside [-8, 8] go to the end bins)."""
        z = np.clip(self.preactivations(), BINS[0], BINS[-1])
        counts, _ = np.histogram(z, bins=BINS)
        return counts / len(z)

    def curves(self, z: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, str]:
        """(f(z), f'(z), source): source is 'yours' or 'torch'; `message` says what is missing."""
        z = self.z_grid if z is None else z
        name, grad_name = self.activation, GRADIENT_NAMES[self.activation]
        f, why_f = _call(self.functions.get(name), z, name)
        if grad_name is None:
            fp, why_fp = (np.zeros_like(z), "")
        else:
            fp, why_fp = _call(self.functions.get(grad_name), z, grad_name)
        if f is not None and fp is not None:
            self.message = ""
            return f, fp, "yours"
        tf, tfp = torch_curves(name, z)
        missing = "; ".join(w for w in (why_f, why_fp) if w)
        self.message = f"{missing}: showing PyTorch's {name} instead."
        return (f if f is not None else tf), (fp if fp is not None else tfp), "torch"

    def saturated_fraction(self, fp_grid: np.ndarray | None = None) -> float:
        """Fraction of units whose f'(z) is below SATURATED times the largest f' on the grid."""
        z = self.preactivations()
        if fp_grid is None:
            _, fp_grid, _ = self.curves()
        _, fp, _ = self.curves(z)
        top = float(np.max(np.abs(fp_grid))) or 1.0
        return float(np.mean(np.abs(fp) < SATURATED * top))


class ActivationExplorer(Explorer):
    """The widget view: activation menu, weight-scale slider, two panels, an HTML readout."""

    name = "activations"
    description = ("Left: the chosen activation function f and its derivative f' for z from -8 to 8. Right: a "
                   "histogram of the pre-activations z of 2000 units with 100 inputs each at the chosen weight "
                   "scale, with f' drawn over it; units where f' is near zero are saturated.")
    SETUPS = {
        "sigmoid, small weights": "activation=sigmoid&scale=0.1",
        "sigmoid saturates: large weights": "activation=sigmoid&scale=1.0",
        "tanh saturates: large weights": "activation=tanh&scale=1.0",
        "ReLU, large weights": "activation=relu&scale=1.0",
    }

    def __init__(self, functions: dict[str, Callable] | None = None, seed: int = 0):
        import ipywidgets as widgets

        from dlcourse.viz.figure import Blitter, interactive_figure

        self.model = ActivationModel(functions, seed=seed)
        self.menu = widgets.Dropdown(options=ACTIVATIONS, value=self.model.activation, description="activation")
        low, high, step = SCALE_RANGE
        self.scale_slider = widgets.FloatSlider(value=self.model.scale, min=low, max=high, step=step,
                                                description="weight scale", readout_format=".2f",
                                                style={"description_width": "initial"})
        self.readout = live_readout()
        self.fig = interactive_figure(8.0, 3.2)
        self.fig.subplots_adjust(left=0.07, right=0.92, bottom=0.17, top=0.9, wspace=0.3)
        self.ax_f, self.ax_h = self.fig.subplots(1, 2)
        z = self.model.z_grid
        (self.f_line,) = self.ax_f.plot(z, np.zeros_like(z), color=BLUE, lw=2, label="f(z)")
        (self.fp_line,) = self.ax_f.plot(z, np.zeros_like(z), color=ORANGE, lw=2, ls="--", label="f'(z)")
        self.ax_f.axhline(0, color="0.8", lw=0.8, zorder=0)
        self.ax_f.axvline(0, color="0.8", lw=0.8, zorder=0)
        self.ax_f.set_xlim(-Z_RANGE, Z_RANGE)
        self.ax_f.set_xlabel("z")
        self.ax_f.legend(loc="upper left", fontsize=8)
        centres = np.repeat(BINS, 2)[1:-1]
        self._hist_x = centres
        (self.hist_line,) = self.ax_h.plot(centres, np.zeros_like(centres), color="tab:gray", lw=1.5,
                                           label="pre-activations z")
        self.ax_h.set_xlim(-Z_RANGE, Z_RANGE)
        self.ax_h.set_xlabel("pre-activation z = w·x (100 inputs; end bins: beyond ±8)")
        self.ax_h.set_ylabel("fraction of units per bin")
        self.ax_g = self.ax_h.twinx()
        (self.fp_over_hist,) = self.ax_g.plot(z, np.zeros_like(z), color=ORANGE, lw=1.5, ls="--", label="f'(z)")
        self.ax_g.set_ylabel("f'(z)", color=text_color(ORANGE))
        self.ax_h.set_title("where the units' inputs land", fontsize=10)
        self.blitter = Blitter(self.fig, [self.f_line, self.fp_line, self.hist_line, self.fp_over_hist])
        # Fixed limits for every activation (ReLU is cut at 3), so a menu change is a blit too.
        self.ax_f.set_ylim(-1.2, 3.0)
        self.ax_g.set_ylim(0, 1.05)
        self.ax_h.set_ylim(0, 0.15)
        self.ax_f.set_title("activation f and its derivative f'", fontsize=10)
        self.menu.observe(self._on_menu, names="value")
        self.scale_slider.observe(self._on_scale, names="value")
        self.update()
        self._finish([self.menu, self.scale_slider, self.readout],
                     {"activation": self.menu, "scale": self.scale_slider}, panel_width="300px")

    def update(self) -> None:
        """Redraw from the model: curves and histogram in place, then a blit (the limits never change)."""
        model = self.model
        f, fp, source = model.curves()
        self.f_line.set_ydata(f)
        self.fp_line.set_ydata(fp)
        self.fp_over_hist.set_ydata(fp)
        hist = model.histogram()
        self.hist_line.set_ydata(np.repeat(hist, 2))
        saturated = model.saturated_fraction(fp)
        std = float(np.std(model.preactivations()))
        who = "your functions" if source == "yours" else "PyTorch"
        note = note_html(model.message)
        self.readout.value = (f"<b>{model.activation}</b><br>std of z: <b>{std:.2f}</b><br>saturated units (f′ &lt; {SATURATED:.0%} of max): "
                              f"<b>{saturated:.0%}</b><br>curves from {who}{note}")
        self.blitter.redraw()

    def _on_menu(self, change) -> None:
        self.model.activation = change["new"]
        self.update()

    def _on_scale(self, change) -> None:
        if self.browser_echo(change):
            return
        self.model.scale = float(change["new"])
        self.update()


def show_activations(namespace: dict | None = None, *, functions: dict[str, Callable] | None = None,
                     seed: int = 0, setup: str | None = None, controls=None,
                     presenter: bool = False) -> ActivationExplorer | None:
    """Build and display the explorer; returns it, or None under nbgrader (no widgets there).

    Pass a notebook's `globals()`: the explorer then calls the notebook's `sigmoid`,
    `sigmoid_grad`, ... as they are when a control moves. Or pass `functions` (name -> callable).
    setup, controls, presenter: see `dlcourse.viz.explorer`.
    """
    from dlcourse.viz.binding import late_bound

    if functions is None and namespace is not None:
        names = [n for n in ACTIVATIONS] + [g for g in GRADIENT_NAMES.values() if g]
        functions = {n: late_bound(namespace, n) for n in names}
    return launch(lambda: ActivationExplorer(functions, seed=seed), setup=setup, controls=controls,
                  presenter=presenter)


# The name in notebooks released before December 2026 (students' copies keep working).
show_activation_explorer = show_activations
