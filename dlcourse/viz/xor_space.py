"""XOR hidden-space explorer (week 5): how a hidden layer re-maps XOR so that a line separates it.

A 2-2-1 network: hidden units h = f(x W1 + b1) (W1 is 2x2: row j = input x_j, column k =
hidden unit h_k), output o = h . w2 + b2, which says 1 where o > 0. Left: the four binary inputs
in input space, coloured by their XOR target, with the two hidden units' lines
(x . W1[:, k] + b1[k] = 0). Right: the same four points in hidden coordinates (h1, h2), with the
output unit's decision line h . w2 + b2 = 0. A wrongly classified point is crossed out.

`XorSpaceModel` is the state (weights, activation; hidden points, outputs). Activations come
from PyTorch, not from numpy code: the library holds no solution of week 5's exercises. The
default weights do *not* solve XOR (the hidden layer copies the input and the output computes
OR); finding weights that do is the student's exercise. The lecture demo passes its own weights.
"""

from __future__ import annotations

import numpy as np

from dlcourse.viz.explorer import Explorer, launch, live_readout
from dlcourse.viz.palette import BLUE, GREEN, PURPLE, RED

X_XOR = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y_XOR = np.array([0, 1, 1, 0])
ACTIVATIONS = ("step", "sigmoid", "tanh", "relu")
# name -> (low, high, step) of each slider
PARAMETERS = {
    "w11": (-3.0, 3.0, 0.1), "w21": (-3.0, 3.0, 0.1), "b1": (-3.0, 3.0, 0.1),
    "w12": (-3.0, 3.0, 0.1), "w22": (-3.0, 3.0, 0.1), "b2": (-3.0, 3.0, 0.1),
    "v1": (-3.0, 3.0, 0.1), "v2": (-3.0, 3.0, 0.1), "c": (-3.0, 3.0, 0.1),
}
DEFAULTS = {"w11": 1.0, "w21": 0.0, "b1": 0.0, "w12": 0.0, "w22": 1.0, "b2": 0.0,
            "v1": 1.0, "v2": 1.0, "c": -0.5}
LABELS = {"w11": "w11 (x1→h1)", "w21": "w21 (x2→h1)", "b1": "b1 (h1)",
          "w12": "w12 (x1→h2)", "w22": "w22 (x2→h2)", "b2": "b2 (h2)",
          "v1": "v1 (h1→out)", "v2": "v2 (h2→out)", "c": "c (out)"}


def activate(name: str, z: np.ndarray) -> np.ndarray:
    """PyTorch's activation `name` applied to z (float64 numpy in, numpy out)."""
    import torch

    t = torch.from_numpy(np.asarray(z, dtype=np.float64))
    if name == "step":
        out = torch.heaviside(t, torch.zeros((), dtype=t.dtype))
    else:
        out = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu}[name](t)
    return out.numpy()


class XorSpaceModel:
    """Weights and activation of the 2-2-1 net, and what they do to the four XOR inputs."""

    def __init__(self, params: dict[str, float] | None = None, activation: str = "step"):
        self.params = dict(DEFAULTS)
        self.params.update(params or {})
        self.activation = activation

    def W1(self) -> np.ndarray:
        p = self.params
        return np.array([[p["w11"], p["w12"]], [p["w21"], p["w22"]]])

    def b1(self) -> np.ndarray:
        return np.array([self.params["b1"], self.params["b2"]])

    def w2(self) -> np.ndarray:
        return np.array([self.params["v1"], self.params["v2"]])

    def hidden(self, X: np.ndarray = X_XOR) -> np.ndarray:
        """Hidden coordinates h = f(X W1 + b1), shape (m, 2)."""
        return activate(self.activation, X @ self.W1() + self.b1())

    def output_scores(self, X: np.ndarray = X_XOR) -> np.ndarray:
        """o = h . w2 + c, shape (m,): the output unit says 1 where o > 0."""
        return self.hidden(X) @ self.w2() + self.params["c"]

    def predictions(self, X: np.ndarray = X_XOR) -> np.ndarray:
        """The network's 0/1 outputs (torch's heaviside of o, 0 at o = 0)."""
        return activate("step", self.output_scores(X)).astype(int)

    def solves_xor(self) -> bool:
        return bool(np.array_equal(self.predictions(), Y_XOR))

    @staticmethod
    def line(w: np.ndarray, b: float, low: float, high: float) -> tuple[np.ndarray, np.ndarray]:
        """Two points of the line w . p + b = 0 spanning the box [low, high]^2 (nan if w = 0)."""
        w1, w2 = float(w[0]), float(w[1])
        if abs(w2) >= abs(w1) and w2 != 0:
            xs = np.array([low - 10, high + 10])
            return xs, -(w1 * xs + b) / w2
        if w1 != 0:
            ys = np.array([low - 10, high + 10])
            return -(w2 * ys + b) / w1, ys
        return np.full(2, np.nan), np.full(2, np.nan)


_LECTURE_XOR = "w11=1.0&w21=1.0&b1=-0.5&w12=1.0&w22=1.0&b2=-1.5&v1=1.0&v2=-2.0&c=-0.5"


class XorSpaceExplorer(Explorer):
    """The widget view: nine weight sliders, an activation menu, input and hidden space panels."""

    name = "xor_space"
    description = ("Left: the four XOR inputs in the input plane, coloured by their XOR target, with the lines "
                   "where each of the two hidden units is zero. Right: the same four points in the hidden units' "
                   "coordinates with the output unit's decision line; a wrongly classified point is crossed out.")
    SETUPS = {
        "the start: input copied, output OR":
            "activation=step&w11=1.0&w21=0.0&b1=0.0&w12=0.0&w22=1.0&b2=0.0&v1=1.0&v2=1.0&c=-0.5",
        "XOR solved by hand-set weights": "activation=step&" + _LECTURE_XOR,
        "the same weights with sigmoid": "activation=sigmoid&" + _LECTURE_XOR,
    }

    def __init__(self, params: dict[str, float] | None = None, activation: str = "step"):
        import ipywidgets as widgets

        from dlcourse.viz.figure import Blitter, interactive_figure

        self.model = XorSpaceModel(params, activation)
        self.sliders = {}
        for name, (low, high, step) in PARAMETERS.items():
            slider = widgets.FloatSlider(value=self.model.params[name], min=low, max=high, step=step,
                                         description=LABELS[name], readout_format=".1f",
                                         style={"description_width": "90px"}, layout=widgets.Layout(width="300px"))
            slider.observe(self._on_slider, names="value")
            self.sliders[name] = slider
        self.menu = widgets.Dropdown(options=ACTIVATIONS, value=activation, description="activation",
                                     style={"description_width": "90px"}, layout=widgets.Layout(width="300px"))
        self.menu.observe(self._on_menu, names="value")
        self.readout = live_readout()
        self.fig = interactive_figure(7.6, 3.6)
        self.fig.subplots_adjust(left=0.08, right=0.98, bottom=0.14, top=0.9, wspace=0.28)
        self.ax_in, self.ax_h = self.fig.subplots(1, 2)
        colours = np.where(Y_XOR == 1, RED, BLUE)
        self.ax_in.scatter(X_XOR[:, 0], X_XOR[:, 1], s=120, c=colours, edgecolors="black", zorder=3)
        for (x1, x2), target in zip(X_XOR, Y_XOR):
            self.ax_in.annotate(f"({int(x1)},{int(x2)})→{target}", (x1, x2), xytext=(6, 6),
                                textcoords="offset points", fontsize=8)
        self.unit_lines = [self.ax_in.plot([], [], color=c, lw=2, label=f"h{k + 1} = 0 line")[0]
                           for k, c in enumerate((GREEN, PURPLE))]
        self.ax_in.set_xlim(-0.5, 1.5)
        self.ax_in.set_ylim(-0.5, 1.5)
        self.ax_in.set_aspect("equal")
        self.ax_in.set_xlabel("x1")
        self.ax_in.set_ylabel("x2")
        self.ax_in.set_title("input space", fontsize=10)
        self.ax_in.legend(loc="lower left", fontsize=7)
        self.hidden_points = self.ax_h.scatter(np.zeros(4), np.zeros(4), s=120, c=colours, edgecolors="black", zorder=3)
        (self.wrong_marks,) = self.ax_h.plot([], [], "x", color="black", ms=14, mew=2, zorder=4)
        (self.output_line,) = self.ax_h.plot([], [], color="black", lw=2)
        self.ax_h.set_xlabel("h1")
        self.ax_h.set_ylabel("h2")
        self.blitter = Blitter(self.fig, [*self.unit_lines, self.hidden_points, self.wrong_marks, self.output_line])
        self._limits = None
        self.update()
        self._finish([self.menu, *self.sliders.values(), self.readout],
                     {"activation": self.menu, **self.sliders}, panel_width="310px")

    def _hidden_limits(self, H: np.ndarray) -> tuple[float, float]:
        if self.model.activation in ("step", "sigmoid"):
            return (-0.25, 1.25)
        if self.model.activation == "tanh":
            return (-1.25, 1.25)
        top = float(np.max(H))  # relu: unbounded; few fixed sizes, so the axes (a full redraw) rarely change
        high = next((h for h in (2.5, 5.0, 10.0) if top <= h - 0.25), 20.0)
        return (-0.5, high)

    def update(self) -> None:
        model = self.model
        W1, b1 = model.W1(), model.b1()
        for k, line in enumerate(self.unit_lines):
            line.set_data(*model.line(W1[:, k], b1[k], -0.5, 1.5))
        H = model.hidden()
        self.hidden_points.set_offsets(H)
        low, high = self._hidden_limits(H)
        self.output_line.set_data(*model.line(model.w2(), model.params["c"], low, high))
        pred = model.predictions()
        wrong = pred != Y_XOR
        self.wrong_marks.set_data(H[wrong, 0], H[wrong, 1])
        limits = (model.activation, low, high)
        full = limits != self._limits
        if full:
            self.ax_h.set_xlim(low, high)
            self.ax_h.set_ylim(low, high)
            self.ax_h.set_title(f"hidden space: h = {model.activation}(x W1 + b1)", fontsize=10)
            self._limits = limits
        rows = "".join(f"<tr><td>({int(a)},{int(b)})</td><td>{h1:.2f}, {h2:.2f}</td><td>{p}</td><td>{t}</td></tr>"
                       for (a, b), (h1, h2), p, t in zip(X_XOR, H, pred, Y_XOR))
        verdict = ("<b style='color:green'>solves XOR</b>" if model.solves_xor()
                   else f"<b style='color:#b00'>{int(wrong.sum())} of 4 wrong</b>")
        self.readout.value = (f"<table><tr><th>x</th><th>h</th><th>out</th><th>XOR</th></tr>{rows}</table>{verdict}"
                              "<br><small>right: black line = output o = 0 (o &gt; 0 on the side h·v points to); "
                              "× = wrong output; red = XOR 1, blue = XOR 0</small>")
        self.blitter.redraw(full=full)

    def _on_slider(self, change) -> None:
        if self.quiet:
            return
        if self.browser_echo(change):
            return
        name = next(n for n, s in self.sliders.items() if s is change["owner"])
        self.model.params[name] = float(change["new"])
        self.update()

    def _on_menu(self, change) -> None:
        self.model.activation = change["new"]
        self.update()

    def set_params(self, params: dict[str, float]) -> None:
        """Move several sliders at once (one redraw)."""
        with self.quietly():
            for name, value in params.items():
                self.sliders[name].value = float(value)
                self.model.params[name] = float(value)
        self.update()


def show_xor_space(params: dict[str, float] | None = None, activation: str = "step", *,
                   setup: str | None = None, controls=None,
                   presenter: bool = False) -> XorSpaceExplorer | None:
    """Build and display the explorer; returns it, or None under nbgrader (no widgets there).

    `params`: starting weights by slider name (w11, w21, b1, w12, w22, b2, v1, v2, c).
    setup, controls, presenter: see `dlcourse.viz.explorer`.
    """
    return launch(lambda: XorSpaceExplorer(params, activation), setup=setup, controls=controls,
                  presenter=presenter)


# The name in notebooks released before December 2026 (students' copies keep working).
show_xor_space_explorer = show_xor_space
