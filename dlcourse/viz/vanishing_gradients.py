"""Vanishing-gradient explorer (week 5): the gradient's size in every layer of a deep network.

A random fully connected network of `depth` layers, width 64, h_l = f(h_{l-1} W_l), with
weights W_l ~ N(0, scale^2 / 64), is applied to 128 standard-normal inputs; the loss is the mean
of h_L . r for a fixed random r. The explorer plots ||dL/dW_l|| (Frobenius norm) for every layer
l on a log scale. With sigmoid each layer multiplies the backward signal by f'(z) <= 0.25
(times the weights), so the early layers' gradients shrink geometrically — the vanishing
gradient (기울기 소실). ReLU passes gradients with factor 1 on active units; with the He scale
(√2 ≈ 1.4) their size stays about the same through the depth.

The gradients come from PyTorch's autograd (the library holds no numpy derivative of the week-5
exercises). `VanishingGradientModel` is the state; `VanishingGradientExplorer` the thin view.
"""

from __future__ import annotations

import numpy as np

from dlcourse.viz.explorer import Explorer, launch, live_readout
from dlcourse.viz.palette import BLUE, RED

ACTIVATIONS = ("sigmoid", "tanh", "relu")
WIDTH, BATCH = 64, 128
DEPTH_RANGE = (2, 30)
SCALE_RANGE = (0.25, 4.0, 0.05)
Y_LIMITS = (1e-20, 1e5)


class VanishingGradientModel:
    """Depth, activation and init scale; per-layer gradient norms of a fixed random network."""

    def __init__(self, depth: int = 10, activation: str = "sigmoid", scale: float = 1.0, seed: int = 0):
        rng = np.random.default_rng(seed)
        self._weights = rng.standard_normal((DEPTH_RANGE[1], WIDTH, WIDTH)) / np.sqrt(WIDTH)
        self._X = rng.standard_normal((BATCH, WIDTH))
        self._r = rng.standard_normal(WIDTH)
        self.depth, self.activation, self.scale = depth, activation, scale

    def gradient_norms(self) -> np.ndarray:
        """||dL/dW_l|| for l = 1..depth, shape (depth,), computed with torch autograd."""
        import torch

        f = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu}[self.activation]
        # These matrices are tiny: one thread is fastest, and several threads competing for a
        # laptop's (or a shared server's) cores make the slowest updates 20 times slower.
        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            Ws = [torch.tensor(self.scale * self._weights[l], requires_grad=True) for l in range(self.depth)]
            h = torch.from_numpy(self._X)
            for W in Ws:
                h = f(h @ W)
            loss = (h @ torch.from_numpy(self._r)).mean()
            grads = torch.autograd.grad(loss, Ws, allow_unused=True)
        finally:
            torch.set_num_threads(threads)
        return np.array([float(torch.linalg.norm(g)) if g is not None else 0.0 for g in grads])


class VanishingGradientExplorer(Explorer):
    """The widget view: depth slider, activation menu, init-scale slider; one log-scale plot."""

    name = "vanishing_gradients"
    description = ("A log-scale plot of the size of the loss's gradient with respect to each layer's weights, "
                   "from the layer next to the input to the last, in a random deep network of the chosen depth, "
                   "activation and initial weight scale. For sigmoid a dotted line shows a factor of 0.25 per "
                   "layer.")
    SETUPS = {
        "vanishing gradients at depth 8": "depth=8&activation=sigmoid&scale=1.0",
        "ReLU at depth 8, He scale 1.4": "depth=8&activation=relu&scale=1.4",
        "vanishing gradients at depth 20": "depth=20&activation=sigmoid&scale=1.0",
        "ReLU at depth 20, He scale 1.4": "depth=20&activation=relu&scale=1.4",
    }

    def __init__(self, depth: int = 10, activation: str = "sigmoid", scale: float = 1.0, seed: int = 0):
        import ipywidgets as widgets

        from dlcourse.viz.figure import Blitter, interactive_figure

        self.model = VanishingGradientModel(depth, activation, scale, seed)
        self.depth_slider = widgets.IntSlider(value=depth, min=DEPTH_RANGE[0], max=DEPTH_RANGE[1], description="depth")
        self.menu = widgets.Dropdown(options=ACTIVATIONS, value=activation, description="activation")
        low, high, step = SCALE_RANGE
        self.scale_slider = widgets.FloatSlider(value=scale, min=low, max=high, step=step, description="init scale",
                                                readout_format=".2f")
        self.readout = live_readout()
        self.fig = interactive_figure(6.4, 3.4)
        self.fig.subplots_adjust(left=0.13, right=0.97, bottom=0.16, top=0.9)
        self.ax = self.fig.subplots()
        (self.norm_line,) = self.ax.plot([], [], "o-", color=BLUE, lw=2, ms=5, label="‖dL/dW‖ of each layer")
        (self.quarter_line,) = self.ax.plot([], [], ":", color=RED, lw=1.5, label="×0.25 per layer (σ′ ≤ 0.25)")
        self.ax.set_yscale("log")
        self.ax.set_xlim(0.5, DEPTH_RANGE[1] + 0.5)
        self.ax.set_ylim(*Y_LIMITS)
        self.ax.set_xlabel("layer (1 = next to the input)")
        self.ax.set_ylabel("gradient norm (log scale)")
        self.ax.set_title("gradient size per layer", fontsize=10)
        self.ax.legend(loc="lower right", fontsize=8)
        self.ax.grid(True, which="major", alpha=0.3)
        self.blitter = Blitter(self.fig, [self.norm_line, self.quarter_line])
        for control in (self.depth_slider, self.menu, self.scale_slider):
            control.observe(self._on_change, names="value")
        self.update()
        self._finish([self.depth_slider, self.menu, self.scale_slider, self.readout],
                     {"depth": self.depth_slider, "activation": self.menu, "scale": self.scale_slider},
                     panel_width="320px")

    def update(self) -> None:
        norms = self.model.gradient_norms()
        layers = np.arange(1, len(norms) + 1)
        shown = np.clip(norms, Y_LIMITS[0], None)
        self.norm_line.set_data(layers, shown)
        self.quarter_line.set_data(layers, shown[-1] * 0.25 ** (len(norms) - layers))
        self.quarter_line.set_visible(self.model.activation == "sigmoid")  # the bound is sigmoid's
        ratio = norms[0] / norms[-1] if norms[-1] > 0 else 0.0
        self.readout.value = (f"first layer: <b>{norms[0]:.2e}</b><br>last layer: <b>{norms[-1]:.2e}</b><br>"
                              f"first / last: <b>{ratio:.2e}</b>")
        self.blitter.redraw()

    def _on_change(self, change) -> None:
        if self.browser_echo(change):
            return
        self.model.depth = int(self.depth_slider.value)
        self.model.activation = self.menu.value
        self.model.scale = float(self.scale_slider.value)
        self.update()


def show_vanishing_gradients(depth: int = 10, activation: str = "sigmoid", scale: float = 1.0,
                             seed: int = 0, *, setup: str | None = None, controls=None,
                             presenter: bool = False) -> VanishingGradientExplorer | None:
    """Build and display the explorer; returns it, or None under nbgrader (no widgets there).

    setup, controls, presenter: see `dlcourse.viz.explorer`.
    """
    return launch(lambda: VanishingGradientExplorer(depth, activation, scale, seed), setup=setup,
                  controls=controls, presenter=presenter)


# The name in notebooks released before December 2026 (students' copies keep working).
show_vanishing_gradient_explorer = show_vanishing_gradients
