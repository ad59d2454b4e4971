"""Backprop stepper (week 6): the lecture's 2-3-1 network, forward then backward, one stage a click.

The network of `dlcourse.lecture_network`: inputs x = [1.0, 0.5], hidden pre-activations
z = x θ1 (θ1 is 2x3: row j = input x_j, column k = hidden unit h_k), sigmoid hidden units
h = σ(z), output pre-activation z_out = h θ2 (θ2 is 3x1, 0.2 on every edge: our reconstruction,
since the lecture gives ŷ ≈ 0.62 but not θ2), output ŷ = σ(z_out), no biases, error
E = ½(y − ŷ)² with target y = 1. (The slides write θ1ᵀx with x a column; x θ1 with x a row gives
the same numbers.) Each "step ▶" computes one more quantity:
forward z (1.35, 1.45, 1.65), h (0.794, 0.810, 0.839), z_out, ŷ ≈ 0.620 and E ≈ 0.0723; then
backward ∂E/∂ŷ = ŷ − y ≈ −0.380, ∂E/∂z_out, ∂E/∂θ2, ∂E/∂h, ∂E/∂z, ∂E/∂θ1 (the chain rule, one
link at a time); then one gradient-descent step θ ← θ − α ∂E/∂θ, which lowers E. Values sit in
the nodes, weights and their gradients on the edges; the part computed at the current stage is
in colour, the rest grey, and the readout writes the stage's formula with the numbers put in.

`BackpropStepperModel` is the state (inputs, target, learning rate, stage). Every number comes
from PyTorch's autograd in float64, not from numpy code: the library holds no solution of week
6's exercises. Given the student's layer functions (`linear_forward`, `sigmoid_forward`,
`half_squared_error`, `sigmoid_backward`, `linear_backward`), the readout also says whether
their ∂E/∂θ1 and ∂E/∂θ2 agree with autograd's. `BackpropStepperExplorer` is the thin view.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import numpy as np

from dlcourse import lecture_network
from dlcourse.viz.binding import call_student, note_html

PHASES = ("forward", "backward", "update")
# (key, phase, heading); the stage of a quantity is the index of the entry that computes it.
STAGES = (
    ("inputs", "forward", "the inputs x and the weights θ"),
    ("z_hidden", "forward", "hidden pre-activations z = x θ1"),
    ("h", "forward", "hidden activations h = σ(z)"),
    ("z_out", "forward", "output pre-activation z_out = h θ2"),
    ("y_hat", "forward", "output ŷ = σ(z_out)"),
    ("error", "forward", "error E = ½(y − ŷ)²"),
    ("dy_hat", "backward", "∂E/∂ŷ"),
    ("dz_out", "backward", "∂E/∂z_out (through the output sigmoid)"),
    ("dtheta2", "backward", "∂E/∂θ2 (the output weights)"),
    ("dh", "backward", "∂E/∂h (back through θ2)"),
    ("dz_hidden", "backward", "∂E/∂z (through the hidden sigmoids)"),
    ("dtheta1", "backward", "∂E/∂θ1 (the hidden weights)"),
    ("update", "update", "one gradient-descent step θ ← θ − α ∂E/∂θ"),
)
STAGE = {key: i for i, (key, _, _) in enumerate(STAGES)}
LAST = len(STAGES) - 1
STUDENT_FUNCTIONS = ("linear_forward", "sigmoid_forward", "half_squared_error", "sigmoid_backward",
                     "linear_backward")
STUDENT_TOLERANCE = 1e-8
# name -> (low, high, step) of the sliders
SLIDERS = {"x1": (-2.0, 2.0, 0.05), "x2": (-2.0, 2.0, 0.05), "y": (0.0, 1.0, 0.05)}
LR_RANGE = (-2.0, 1.0)  # log10 of the learning rate


def fmt(value: float, digits: int = 3) -> str:
    """`digits` significant digits, a real minus sign: −0.380, 0.0723, 1.35."""
    return f"{float(value):#.{digits}g}".replace("-", "−").rstrip(".")


@dataclass(frozen=True)
class BackpropValues:
    """Every number of one forward and backward pass, and of the update after it.

    Shapes: x (2,), theta1 (2, 3), theta2 (3,), z_hidden / h / dh / dz_hidden / sigmoid_hidden
    / dtheta2 (3,), dtheta1 (2, 3); the rest are floats. sigmoid_* are σ'(z), from autograd.
    """

    x: np.ndarray
    y: float
    theta1: np.ndarray
    theta2: np.ndarray
    z_hidden: np.ndarray
    h: np.ndarray
    z_out: float
    y_hat: float
    error: float
    dy_hat: float
    sigmoid_out: float
    dz_out: float
    dtheta2: np.ndarray
    dh: np.ndarray
    sigmoid_hidden: np.ndarray
    dz_hidden: np.ndarray
    dtheta1: np.ndarray
    lr: float
    theta1_new: np.ndarray
    theta2_new: np.ndarray
    y_hat_new: float
    error_new: float


def backprop_values(x, y: float, theta1: np.ndarray, theta2: np.ndarray, lr: float) -> BackpropValues:
    """The pass of the 2-3-1 sigmoid network, every gradient from torch's autograd (float64)."""
    import torch

    def tensor(a, grad=False):
        return torch.tensor(np.asarray(a, dtype=np.float64), dtype=torch.float64, requires_grad=grad)

    X = tensor(x).reshape(1, 2)
    Y = tensor([[y]])
    th1, th2 = tensor(theta1, True), tensor(np.reshape(theta2, (3, 1)), True)
    z1 = X @ th1
    h = torch.sigmoid(z1)
    z2 = h @ th2
    y_hat = torch.sigmoid(z2)
    error = 0.5 * ((y_hat - Y) ** 2).sum()
    intermediates = (y_hat, z2, h, z1)
    grads = torch.autograd.grad(error, (*intermediates, th1, th2))
    dy_hat, dz2, dh, dz1, dth1, dth2 = (g.detach().numpy() for g in grads)
    # σ'(z) on its own (the local derivative the readout writes into the chain rule)
    zs = tensor(np.concatenate([z1.detach().numpy().ravel(), z2.detach().numpy().ravel()]), True)
    (slopes,) = torch.autograd.grad(torch.sigmoid(zs).sum(), zs)
    slopes = slopes.numpy()
    with torch.no_grad():
        th1_new, th2_new = th1 - lr * grads[4], th2 - lr * grads[5]
        y_hat_new = torch.sigmoid(torch.sigmoid(X @ th1_new) @ th2_new)
        error_new = 0.5 * ((y_hat_new - Y) ** 2).sum()
    return BackpropValues(
        x=X.numpy().ravel().copy(), y=float(y), theta1=th1.detach().numpy().copy(),
        theta2=th2.detach().numpy().ravel().copy(), z_hidden=z1.detach().numpy().ravel().copy(),
        h=h.detach().numpy().ravel().copy(), z_out=float(z2.detach()), y_hat=float(y_hat.detach()),
        error=float(error.detach()),
        dy_hat=float(dy_hat.item()), sigmoid_out=float(slopes[3]), dz_out=float(dz2.item()),
        dtheta2=dth2.ravel().copy(), dh=dh.ravel().copy(), sigmoid_hidden=slopes[:3].copy(),
        dz_hidden=dz1.ravel().copy(), dtheta1=dth1.copy(), lr=float(lr), theta1_new=th1_new.numpy().copy(),
        theta2_new=th2_new.numpy().ravel().copy(), y_hat_new=float(y_hat_new), error_new=float(error_new),
    )


class _Missing(Exception):
    """A student's function is missing, unfinished or raised (its message is the readout's)."""


def student_gradients(functions: dict[str, Callable], x, y: float, theta1: np.ndarray,
                      theta2: np.ndarray) -> tuple[tuple[np.ndarray, np.ndarray] | None, str]:
    """(dθ1 (2, 3), dθ2 (3, 1)) from the student's layer functions, or (None, why not).

    Calls them as week 6 chains them: X (1, 2), biases zeros of shapes (3,) and (1,), target (1, 1).
    """
    X = np.asarray(x, dtype=float).reshape(1, 2)
    Y = np.array([[float(y)]])
    W1, W2 = np.array(theta1, dtype=float), np.array(theta2, dtype=float).reshape(3, 1)
    b1, b2 = np.zeros(3), np.zeros(1)

    def run(name, *args):
        function = functions.get(name)
        if function is None:
            raise _Missing(f"{name}() is not given.")
        with np.errstate(all="ignore"):
            result, why = call_student(name, lambda: function(*args))
        if why:
            raise _Missing(why)
        return result

    try:
        z1, cache1 = run("linear_forward", X, W1, b1)
        h, cache2 = run("sigmoid_forward", z1)
        z2, cache3 = run("linear_forward", h, W2, b2)
        y_hat, cache4 = run("sigmoid_forward", z2)
        _, dy_hat = run("half_squared_error", y_hat, Y)
        dz2 = run("sigmoid_backward", dy_hat, cache4)
        dh, dW2, _ = run("linear_backward", dz2, cache3)
        dz1 = run("sigmoid_backward", dh, cache2)
        _, dW1, _ = run("linear_backward", dz1, cache1)
    except _Missing as missing:
        return None, str(missing)
    except (TypeError, ValueError) as error:  # a result that does not unpack as the contract says
        return None, f"your functions returned something unexpected ({error}); check the (out, cache) contracts."
    dW1, dW2 = np.asarray(dW1, dtype=float), np.asarray(dW2, dtype=float)
    if dW1.shape != (2, 3) or dW2.shape != (3, 1):
        return None, f"linear_backward() gave dW of shapes {dW1.shape} and {dW2.shape}; expected (2, 3) and (3, 1)."
    return (dW1, dW2), ""


class BackpropStepperModel:
    """State of the stepper: inputs x1, x2, target y, learning rate, and the stage shown.

    Args:
        functions: name -> the student's function (see STUDENT_FUNCTIONS), or None.
    """

    def __init__(self, x=(1.0, 0.5), y: float = 1.0, lr: float = 1.0,
                 functions: dict[str, Callable] | None = None):
        self.x = np.array(x, dtype=float).ravel()
        self.y, self.lr = float(y), float(lr)
        self.theta1 = lecture_network.THETA1.copy()
        self.theta2 = lecture_network.THETA2.ravel().copy()
        self.functions = functions
        self.stage = 0
        self._values: BackpropValues | None = None
        self._values_for = None

    # -- state ----------------------------------------------------------------------------
    def set(self, **changes) -> None:
        """Change any of x1, x2, y, lr, stage."""
        for name, value in changes.items():
            if name == "x1":
                self.x[0] = float(value)
            elif name == "x2":
                self.x[1] = float(value)
            elif name in ("y", "lr"):
                setattr(self, name, float(value))
            elif name == "stage":
                self.stage = min(max(int(value), 0), LAST)
            else:
                raise TypeError(f"unknown setting {name!r}")

    def step(self) -> None:
        self.stage = min(self.stage + 1, LAST)

    def back(self) -> None:
        self.stage = max(self.stage - 1, 0)

    @property
    def key(self) -> str:
        return STAGES[self.stage][0]

    @property
    def phase(self) -> str:
        return STAGES[self.stage][1]

    def shown(self, key: str) -> bool:
        """Whether the quantity computed at stage `key` has been reached."""
        return self.stage >= STAGE[key]

    def values(self) -> BackpropValues:
        """The pass for the current inputs, target and learning rate (cached)."""
        settings = (tuple(self.x), self.y, self.lr)
        if settings != self._values_for:
            self._values = backprop_values(self.x, self.y, self.theta1, self.theta2, self.lr)
            self._values_for = settings
        return self._values

    # -- what to highlight --------------------------------------------------------------------
    def active(self) -> tuple[set[str], set[tuple]]:
        """(nodes, edges) computed at this stage. Nodes: x1 x2 h1 h2 h3 out E; edges:
        ("x", j, k) input j → hidden k, ("h", k) hidden k → out, ("E",) out → E (0-based j, k)."""
        input_edges = {("x", j, k) for j in range(2) for k in range(3)}
        hidden_edges = {("h", k) for k in range(3)}
        inputs, hidden = {"x1", "x2"}, {"h1", "h2", "h3"}
        return {
            "inputs": (inputs, set()),
            "z_hidden": (inputs | hidden, input_edges),
            "h": (hidden, set()),
            "z_out": (hidden | {"out"}, hidden_edges),
            "y_hat": ({"out"}, set()),
            "error": ({"out", "E"}, {("E",)}),
            "dy_hat": ({"E", "out"}, {("E",)}),
            "dz_out": ({"out"}, set()),
            "dtheta2": ({"out"} | hidden, hidden_edges),
            "dh": ({"out"} | hidden, hidden_edges),
            "dz_hidden": (hidden, set()),
            "dtheta1": (hidden | inputs, input_edges),
            "update": ({"E"}, input_edges | hidden_edges),
        }[self.key]

    # -- what to write ------------------------------------------------------------------------
    def node_lines(self, node: str) -> list[str]:
        """The lines of text in a node at the current stage, one per slot ("" while not computed:
        each value keeps its place in the node as the stages fill it)."""
        v = self.values()
        if node in ("x1", "x2"):
            return [f"{node} = {fmt(v.x[int(node[1]) - 1])}"]
        if node in ("h1", "h2", "h3"):
            k = int(node[1]) - 1
            slots = (("z_hidden", f"z = {fmt(v.z_hidden[k])}"), ("h", f"h = σ(z) = {fmt(v.h[k])}"),
                     ("dh", f"∂E/∂h = {fmt(v.dh[k])}"), ("dz_hidden", f"∂E/∂z = {fmt(v.dz_hidden[k])}"))
            return [node] + [text if self.shown(key) else "" for key, text in slots]
        if node == "out":
            slots = (("z_out", f"z_out = {fmt(v.z_out)}"), ("y_hat", f"ŷ = σ(z_out) = {fmt(v.y_hat)}"),
                     ("dy_hat", f"∂E/∂ŷ = {fmt(v.dy_hat)}"), ("dz_out", f"∂E/∂z_out = {fmt(v.dz_out)}"))
            return ["output"] + [text if self.shown(key) else "" for key, text in slots]
        if node == "E":
            slots = (("error", f"E = {fmt(v.error)}"), ("update", f"new E = {fmt(v.error_new)}"))
            return ["error", f"target y = {fmt(v.y)}"] + [text if self.shown(key) else "" for key, text in slots]
        raise ValueError(f"unknown node {node!r}")

    def edge_lines(self, edge: tuple) -> list[str]:
        """The two lines on an edge: its weight (and new value after the update), and its
        gradient once computed (else ""); none on the edge into E."""
        v = self.values()
        if edge[0] == "x":
            j, k = edge[1], edge[2]
            weight, grad, new, key = v.theta1[j, k], v.dtheta1[j, k], v.theta1_new[j, k], "dtheta1"
        elif edge[0] == "h":
            k = edge[1]
            weight, grad, new, key = v.theta2[k], v.dtheta2[k], v.theta2_new[k], "dtheta2"
        else:
            return []
        first = f"θ {fmt(weight)} → {fmt(new, 4)}" if self.shown("update") else f"θ {fmt(weight)}"
        return [first, f"∂E/∂θ {fmt(grad)}" if self.shown(key) else ""]

    def formula(self) -> list[str]:
        """The current stage's formula with the numbers put in, one line per row (HTML-safe text)."""
        v, key = self.values(), self.key
        x, h, s = v.x, v.h, v.sigmoid_hidden
        if key == "inputs":
            return [f"x = [{fmt(x[0])}, {fmt(x[1])}], target y = {fmt(v.y)}",
                    "θ1 = [[" + ", ".join(fmt(t) for t in v.theta1[0]) + "], ["
                    + ", ".join(fmt(t) for t in v.theta1[1]) + "]] (row j: from input x_j)",
                    "θ2 = [" + ", ".join(fmt(t) for t in v.theta2) + "]; no biases; press step ▶"]
        if key == "z_hidden":
            return [f"z{k + 1} = x1·θ1[1,{k + 1}] + x2·θ1[2,{k + 1}] = {fmt(x[0])}·{fmt(v.theta1[0, k])} + "
                    f"{fmt(x[1])}·{fmt(v.theta1[1, k])} = <b>{fmt(v.z_hidden[k])}</b>" for k in range(3)]
        if key == "h":
            return [f"h{k + 1} = σ(z{k + 1}) = 1 / (1 + e^(−{fmt(v.z_hidden[k])})) = <b>{fmt(h[k])}</b>"
                    for k in range(3)]
        if key == "z_out":
            terms = " + ".join(f"{fmt(v.theta2[k])}·{fmt(h[k])}" for k in range(3))
            return [f"z_out = θ2_1·h1 + θ2_2·h2 + θ2_3·h3 = {terms} = <b>{fmt(v.z_out)}</b>"]
        if key == "y_hat":
            return [f"ŷ = σ(z_out) = 1 / (1 + e^(−{fmt(v.z_out)})) = <b>{fmt(v.y_hat)}</b>"]
        if key == "error":
            return [f"E = ½(y − ŷ)² = ½({fmt(v.y)} − {fmt(v.y_hat)})² = <b>{fmt(v.error)}</b>"]
        if key == "dy_hat":
            return [f"∂E/∂ŷ = ŷ − y = {fmt(v.y_hat)} − {fmt(v.y)} = <b>{fmt(v.dy_hat)}</b>"]
        if key == "dz_out":
            return [f"∂E/∂z_out = ∂E/∂ŷ · σ'(z_out) = ∂E/∂ŷ · ŷ(1 − ŷ) = {fmt(v.dy_hat)} · {fmt(v.y_hat)}·(1 − "
                    f"{fmt(v.y_hat)}) = {fmt(v.dy_hat)} · {fmt(v.sigmoid_out)} = <b>{fmt(v.dz_out)}</b>"]
        if key == "dtheta2":
            return [f"∂E/∂θ2_{k + 1} = ∂E/∂ŷ · σ'(z_out) · h{k + 1} = {fmt(v.dy_hat)} · {fmt(v.sigmoid_out)} · "
                    f"{fmt(h[k])} = <b>{fmt(v.dtheta2[k])}</b>" for k in range(3)]
        if key == "dh":
            return [f"∂E/∂h{k + 1} = ∂E/∂z_out · θ2_{k + 1} = {fmt(v.dz_out)} · {fmt(v.theta2[k])} = "
                    f"<b>{fmt(v.dh[k])}</b>" for k in range(3)]
        if key == "dz_hidden":
            return [f"∂E/∂z{k + 1} = ∂E/∂h{k + 1} · σ'(z{k + 1}) = ∂E/∂h{k + 1} · h{k + 1}(1 − h{k + 1}) = "
                    f"{fmt(v.dh[k])} · {fmt(s[k])} = <b>{fmt(v.dz_hidden[k])}</b>" for k in range(3)]
        if key == "dtheta1":
            return [f"∂E/∂θ1[{j + 1},{k + 1}] = ∂E/∂z{k + 1} · x{j + 1} = {fmt(v.dz_hidden[k])} · {fmt(x[j])} = "
                    f"<b>{fmt(v.dtheta1[j, k])}</b>" for j in range(2) for k in range(3)]
        # update
        return [f"θ2_1 ← θ2_1 − α·∂E/∂θ2_1 = {fmt(v.theta2[0])} − {fmt(v.lr)}·({fmt(v.dtheta2[0])}) = "
                f"<b>{fmt(v.theta2_new[0], 4)}</b> (and so on for every weight)",
                f"new output ŷ = {fmt(v.y_hat_new)}; E: {fmt(v.error)} → <b>{fmt(v.error_new)}</b>"
                + (" (lower)" if v.error_new < v.error else " (not lower: α is too large)")]

    def student_check(self) -> str | None:
        """'your functions give: …' (✓ / ✗ against autograd), or None without student functions."""
        if self.functions is None:
            return None
        v = self.values()
        result, why = student_gradients(self.functions, v.x, v.y, v.theta1, v.theta2)
        if result is None:
            return f"your functions: {why}"
        parts = []
        for name, theirs, ours in (("∂E/∂θ1", result[0], v.dtheta1), ("∂E/∂θ2", result[1].ravel(), v.dtheta2)):
            with np.errstate(all="ignore"):
                gap = float(np.max(np.abs(theirs - ours)))
            ok = bool(np.isfinite(gap) and gap <= STUDENT_TOLERANCE)
            parts.append(f"{name} {'✓' if ok else '✗'} (max |Δ| = {gap:.1e})")
        return "your functions give: " + ", ".join(parts) + " vs autograd"


@lru_cache(maxsize=None)
def cached_text_class() -> type:
    """The class CachedText, made on first use (matplotlib is imported only when a view is built).

    Suggested home once a second view needs it: dlcourse/viz/figure.py.
    """
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.text import Text

    class CachedText(Text):
        """A Text that keeps its rendered glyphs: drawn again with the same words, colour, place
        and dpi, they are pasted as an image instead of laid out and rasterised anew.

        Text is the slow part of a matplotlib draw (about 0.1 ms a glyph here); the stepper
        redraws some twenty multi-line labels per click, most of them unchanged. The label's
        box (its bbox patch) is drawn live, so a highlight that recolours the box costs no new
        rendering. The key holds every property the stepper changes; others (font family,
        rotation, the text's alpha) are taken as fixed. Only Agg renderers use the cache
        (savefig to a vector format draws the text as usual).
        """

        _sprites: dict = {}
        _scratch: dict = {}
        MAX_SPRITES = 300  # a few MB of pixels at most

        def _key(self, renderer):
            size = (renderer.width, renderer.height, renderer.dpi)
            # Where the text sits in pixels: worked out once per canvas size (the views that use
            # this class never move a text or change their axes' limits after building them).
            if getattr(self, "_place", (None,))[0] != size:
                self._place = (size, tuple(np.round(self.get_transform().transform(self.get_unitless_position()), 3)))
            return (self.get_text(), str(self.get_color()), self.get_fontsize(), self.get_fontweight(),
                    self.get_ha(), self.get_va(), self.get_linespacing(), self._place[1], *size)

        def draw(self, renderer):
            if not isinstance(renderer, RendererAgg) or not self.get_visible() or not self.get_text():
                return super().draw(renderer)
            patch = self.get_bbox_patch()
            if patch is not None:
                self.update_bbox_position_size(renderer)
                patch.draw(renderer)
            key = self._key(renderer)
            sprite = self._sprites.get(key)
            if sprite is None:
                sprite = self._render(renderer)
                if len(self._sprites) >= self.MAX_SPRITES:
                    self._sprites.clear()
                self._sprites[key] = sprite
            x0, y0, image = sprite
            if image.size:
                gc = renderer.new_gc()
                renderer.draw_image(gc, x0, y0, image)
                gc.restore()
            self.stale = False

        def _render(self, renderer):
            """The glyphs alone (no box) on a transparent scratch canvas, cut to their extent."""
            size = (renderer.width, renderer.height, renderer.dpi)
            scratch = self._scratch.get(size)
            if scratch is None:
                self._scratch.clear()
                scratch = self._scratch[size] = RendererAgg(*size)
            scratch.clear()
            patch, self._bbox_patch = self._bbox_patch, None
            try:
                super().draw(scratch)
                extent = self.get_window_extent(scratch)
            finally:
                self._bbox_patch = patch
            x0, y0 = max(int(np.floor(extent.x0)) - 2, 0), max(int(np.floor(extent.y0)) - 2, 0)
            x1 = min(int(np.ceil(extent.x1)) + 2, int(renderer.width))
            y1 = min(int(np.ceil(extent.y1)) + 2, int(renderer.height))
            pixels = np.asarray(scratch.buffer_rgba())
            height = pixels.shape[0]
            image = pixels[height - y1: height - y0, x0:x1][::-1].copy()  # draw_image wants the bottom row first
            return x0, y0, image

    return CachedText


NODE_POSITIONS = {"x1": (0.0, 0.8), "x2": (0.0, 0.2), "h1": (1.65, 0.89), "h2": (1.65, 0.5), "h3": (1.65, 0.11),
                  "out": (2.95, 0.5), "E": (3.85, 0.5)}
INPUT_LABEL_AT, HIDDEN_LABEL_AT = 0.3, 0.5  # where along an edge its numbers sit
NODE_WIDTHS = {"x1": 64, "x2": 64, "h1": 100, "h2": 100, "h3": 100, "out": 116, "E": 96}  # points
NODE_LINE, EDGE_LINE = 11.5, 9.5  # points from one line to the next (8.5 pt and 8 pt text)
EDGE_WIDTH = 82  # points
COLOURS = {"forward": "#1f77b4", "backward": "#d62728", "update": "#2ca02c"}  # tab: blue, red, green
TINTS = {"forward": "#e4effb", "backward": "#fbe6e6", "update": "#e4f5e4"}
IDLE = "0.72"


class BackpropStepperExplorer:
    """The widget view: back / step buttons, input, target and learning-rate sliders, the network."""

    def __init__(self, functions: dict[str, Callable] | None = None, x=(1.0, 0.5), y: float = 1.0, lr: float = 1.0):
        import ipywidgets as widgets

        from dlcourse.viz.figure import Blitter, interactive_figure

        self.model = BackpropStepperModel(x, y, lr, functions)
        self.back_button = widgets.Button(description="◀ back", layout=widgets.Layout(width="90px"))
        self.step_button = widgets.Button(description="step ▶", button_style="primary",
                                          layout=widgets.Layout(width="90px"))
        self.back_button.on_click(self._on_back)
        self.step_button.on_click(self._on_step)
        style = {"description_width": "55px"}
        values = {"x1": self.model.x[0], "x2": self.model.x[1], "y": self.model.y}
        labels = {"x1": "x1", "x2": "x2", "y": "target y"}
        self.sliders = {}
        for name, (low, high, step) in SLIDERS.items():
            slider = widgets.FloatSlider(value=float(values[name]), min=low, max=high, step=step,
                                         description=labels[name], readout_format=".2f", style=style,
                                         layout=widgets.Layout(width="220px"))
            slider.observe(self._on_slider, names="value")
            self.sliders[name] = slider
        self.lr_slider = widgets.FloatLogSlider(value=lr, base=10, min=LR_RANGE[0], max=LR_RANGE[1], step=0.05,
                                                description="α", readout_format=".3g", style=style,
                                                layout=widgets.Layout(width="220px"))
        self.lr_slider.observe(self._on_slider, names="value")
        self.readout = widgets.HTML()
        self.fig = interactive_figure(9.6, 4.3)
        self._build_artists()
        # Drawn in this order: edges, their labels, then the nodes on top.
        moving = [*self.edge_lines.values()]
        for edge, box in self.edge_boxes.items():
            moving += [box, *self.edge_slots[edge]]
        for node, box in self.node_boxes.items():
            moving += [box, *self.node_slots[node]]
        self.blitter = Blitter(self.fig, [*moving, self.title])
        self.update()
        buttons = widgets.HBox([self.back_button, self.step_button])
        sliders = widgets.HBox([*self.sliders.values(), self.lr_slider], layout=widgets.Layout(flex_flow="row wrap"))
        self.widget = widgets.VBox([widgets.HBox([buttons, sliders], layout=widgets.Layout(flex_flow="row wrap")),
                                    self.fig.canvas, self.readout])

    # -- drawing ---------------------------------------------------------------------------
    def _build_artists(self) -> None:
        ax = self.fig.add_axes((0.01, 0.01, 0.98, 0.9))
        ax.set_xlim(-0.3, 4.2)
        ax.set_ylim(-0.08, 1.08)
        ax.axis("off")
        self.ax = ax
        self.title = self._text((0.5, 1.02), 0.0, transform=ax.transAxes, va="bottom", fontsize=11,
                                fontweight="bold")
        self.edge_lines, self.edge_boxes, self.edge_slots = {}, {}, {}
        for j in range(2):
            for k in range(3):
                self._add_edge(("x", j, k), f"x{j + 1}", f"h{k + 1}", INPUT_LABEL_AT)
        for k in range(3):
            self._add_edge(("h", k), f"h{k + 1}", "out", HIDDEN_LABEL_AT)
        (a, b), (c, d) = NODE_POSITIONS["out"], NODE_POSITIONS["E"]
        (self.edge_lines[("E",)],) = ax.plot([a, c], [b, d], color=IDLE, lw=1.5, zorder=1)
        self.node_boxes, self.node_slots = {}, {}
        for node, centre in NODE_POSITIONS.items():
            n = len(self.model.node_lines(node))
            self.node_boxes[node] = self._box(centre, NODE_WIDTHS[node], n * NODE_LINE + 6, zorder=3)
            self.node_slots[node] = [
                self._text(centre, (n - 1) / 2 * NODE_LINE - i * NODE_LINE, fontsize=8.5, zorder=4,
                           fontweight="bold" if i == 0 and n > 1 else "normal") for i in range(n)]

    def _box(self, centre, width: float, height: float, zorder: float):
        """A rounded box `width` x `height` points around a data point, drawn with the artists
        that move (a box costs little; its text is what is slow)."""
        from matplotlib.patches import FancyBboxPatch
        from matplotlib.transforms import Affine2D, ScaledTranslation

        to_display = Affine2D().scale(1 / 72) + self.fig.dpi_scale_trans + ScaledTranslation(*centre, self.ax.transData)
        box = FancyBboxPatch((-width / 2, -height / 2), width, height, boxstyle="round,pad=0,rounding_size=4",
                             transform=to_display, facecolor="white", edgecolor=IDLE, linewidth=1.0, zorder=zorder,
                             clip_on=False)
        self.ax.add_patch(box)
        return box

    def _text(self, place, dy: float, transform=None, **style):
        """One line of text (cached: see cached_text_class), `dy` points above `place`."""
        from matplotlib.transforms import offset_copy

        base = self.ax.transData if transform is None else transform
        style = {"ha": "center", "va": "center", **style}
        text = cached_text_class()(*place, "", transform=offset_copy(base, fig=self.fig, x=0, y=dy, units="points"),
                                   clip_on=False, **style)
        return self.ax.add_artist(text)

    def _add_edge(self, edge: tuple, start: str, end: str, at: float) -> None:
        (a, b), (c, d) = NODE_POSITIONS[start], NODE_POSITIONS[end]
        (self.edge_lines[edge],) = self.ax.plot([a, c], [b, d], color=IDLE, lw=1.5, zorder=1)
        place = (a + at * (c - a), b + at * (d - b))
        self.edge_boxes[edge] = self._box(place, EDGE_WIDTH, 2 * EDGE_LINE + 3, zorder=2)
        self.edge_boxes[edge].set_edgecolor("none")
        self.edge_slots[edge] = [self._text(place, dy, fontsize=8, color="0.2", zorder=2.5)
                                 for dy in (EDGE_LINE / 2, -EDGE_LINE / 2)]

    def node_text(self, node: str) -> str:
        """What a node shows, its slots joined by newlines (for tests and readers)."""
        return "\n".join(t.get_text() for t in self.node_slots[node]).strip()

    def edge_text(self, edge: tuple) -> str:
        return "\n".join(t.get_text() for t in self.edge_slots[edge]).strip()

    def update(self) -> None:
        """Redraw from the model's state (texts and colours changed in place, then blitted)."""
        model = self.model
        nodes, edges = model.active()
        colour, tint = COLOURS[model.phase], TINTS[model.phase]
        for edge, line in self.edge_lines.items():
            on = edge in edges
            line.set_color(colour if on else IDLE)
            line.set_linewidth(3.0 if on else 1.5)
        for edge, slots in self.edge_slots.items():
            lines = model.edge_lines(edge)
            for slot, text in zip(slots, lines):
                slot.set_text(text)
            box = self.edge_boxes[edge]
            box.set_edgecolor(colour if edge in edges else "none")
            width = EDGE_WIDTH if lines[1] or model.shown("update") else EDGE_WIDTH * 0.6
            if lines[1]:  # both lines: the box around both slots
                box.set_bounds(-width / 2, -EDGE_LINE - 1, width, 2 * EDGE_LINE + 2)
            else:  # the weight alone, in the upper slot: a box around it only, the edge stays visible
                box.set_bounds(-width / 2, -1, width, EDGE_LINE + 2)
        for node, slots in self.node_slots.items():
            on = node in nodes
            for slot, text in zip(slots, model.node_lines(node)):
                slot.set_text(text)
            box = self.node_boxes[node]
            box.set_edgecolor(colour if on else IDLE)
            box.set_facecolor(tint if on else "white")
            box.set_linewidth(2.2 if on else 1.0)
        _, phase, heading = STAGES[model.stage]
        self.title.set_text(f"stage {model.stage} of {LAST} ({phase}): {heading}")
        self.title.set_color(colour)
        self.back_button.disabled = model.stage == 0
        self.step_button.disabled = model.stage == LAST
        rows = "".join(f"<div style='font-family:monospace'>{line}</div>" for line in model.formula())
        check = model.student_check()
        check_row = f"<div style='margin-top:4px'>{note_html(check, line_break=False)}</div>" if check else ""
        self.readout.value = (f"<b style='color:{colour}'>{heading}</b>{rows}{check_row}"
                              f"<small>blue: forward pass; red: backward pass (chain rule); green: the update. "
                              f"Numbers from PyTorch autograd (float64).</small>")
        self.blitter.redraw()

    # -- controls ----------------------------------------------------------------------------
    def _on_step(self, button=None) -> None:
        self.model.step()
        self.update()

    def _on_back(self, button=None) -> None:
        self.model.back()
        self.update()

    def _on_slider(self, change) -> None:
        owner = change["owner"]
        if owner is self.lr_slider:
            if np.isclose(change["new"], change["old"], rtol=1e-3):
                return  # the browser echoing a rounded value
            self.model.set(lr=change["new"])
        else:
            name = next(n for n, s in self.sliders.items() if s is owner)
            if abs(change["new"] - change["old"]) < SLIDERS[name][2] / 2:
                return
            self.model.set(**{name: change["new"]})
        self.update()

    def show(self):
        from IPython.display import display

        display(self.widget)


def show_backprop_stepper(namespace: dict | None = None, *, functions: dict[str, Callable] | None = None,
                          **settings) -> BackpropStepperExplorer | None:
    """Build and display the stepper; returns it, or None under nbgrader (no widgets there).

    Pass a notebook's `globals()`: the readout then also checks the notebook's `linear_forward`,
    `sigmoid_forward`, `half_squared_error`, `sigmoid_backward` and `linear_backward` (as they are
    at each click) against autograd. Or pass `functions` (name -> callable).
    settings: x (two inputs), y (target), lr to start from.
    """
    from dlcourse.viz.binding import late_bound
    from dlcourse.viz.figure import under_grading

    if under_grading():
        return None
    if functions is None and namespace is not None:
        functions = {name: late_bound(namespace, name) for name in STUDENT_FUNCTIONS}
    explorer = BackpropStepperExplorer(functions, **settings)
    explorer.show()
    return explorer
