"""The backprop stepper's model (week 6): the lecture's 2-3-1 network, one stage a click, in numbers.

`BackpropStepperModel` is the state (inputs x, target y, learning rate, stage) of the network of
`dlcourse.lecture_network` (θ2 = 0.2 on every edge is our reconstruction; the lecture gives
ŷ ≈ 0.62 but not θ2). Every number comes from PyTorch's autograd in float64, not from numpy code:
the library holds no solution of week 6's exercises. Given the student's layer functions
(`STUDENT_FUNCTIONS`), the model also says whether their ∂E/∂θ1 and ∂E/∂θ2 agree with
autograd's. The picture, and what each stage shows, is `dlcourse.viz.backprop_stepper`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from dlcourse import lecture_network
from dlcourse.viz.binding import call_student

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
