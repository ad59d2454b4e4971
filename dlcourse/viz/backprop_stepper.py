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

This file is the view; the model, with every number, is `dlcourse/viz/backprop_stepper_model.py`.
"""

from __future__ import annotations

from typing import Callable

from dlcourse.viz.artists import cached_text_class
from dlcourse.viz.backprop_stepper_model import (
    LAST,
    LR_RANGE,
    SLIDERS,
    STAGE,
    STAGES,
    STUDENT_FUNCTIONS,
    BackpropStepperModel,
)
from dlcourse.viz.binding import note_html
from dlcourse.viz.explorer import Explorer, launch, live_readout
from dlcourse.viz.palette import BLUE, GREEN, RED, text_color

NODE_POSITIONS = {"x1": (0.0, 0.8), "x2": (0.0, 0.2), "h1": (1.65, 0.89), "h2": (1.65, 0.5), "h3": (1.65, 0.11),
                  "out": (2.95, 0.5), "E": (3.85, 0.5)}
INPUT_LABEL_AT, HIDDEN_LABEL_AT = 0.3, 0.5  # where along an edge its numbers sit
NODE_WIDTHS = {"x1": 64, "x2": 64, "h1": 100, "h2": 100, "h3": 100, "out": 116, "E": 96}  # points
NODE_LINE, EDGE_LINE = 11.5, 9.5  # points from one line to the next (8.5 pt and 8 pt text)
EDGE_WIDTH = 82  # points
COLOURS = {"forward": BLUE, "backward": RED, "update": GREEN}
TINTS = {"forward": "#e4effb", "backward": "#fbe6e6", "update": "#e4f5e4"}
IDLE = "0.72"


class BackpropStepperExplorer(Explorer):
    """The widget view: back / step buttons, input, target and learning-rate sliders, the network."""

    name = "backprop_stepper"
    EXTRA_KEYS = ("stage",)
    description = ("A network of two inputs, three sigmoid hidden units and one sigmoid output, its error at the "
                   "right, each node holding its values and each edge its weight and gradient; the stage being "
                   "computed, forward pass, backward pass or the gradient-descent update, is in colour.")
    # The lecture's network (x = [1, 0.5], target 1, α = 1) at the stages a lecture stops at.
    SETUPS = {
        f"the lecture's network, {when}": f"x1=1.0&x2=0.5&y=1.0&lr=1.0&stage={stage}"
        for when, stage in (("before the forward pass", "inputs"), ("after the forward pass", "error"),
                            ("after the backward pass", "dtheta1"), ("after one gradient step", "update"))
    }

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
        self.readout = live_readout()
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
        # The readout stays under the network, as before: it goes with the canvas.
        self._finish([buttons, sliders], {**self.sliders, "lr": self.lr_slider},
                     canvas=widgets.VBox([self.fig.canvas, self.readout]), panel="top",
                     actions={"back": self.back_button, "step": self.step_button})

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
        self.title.set_color(text_color(colour))
        self.back_button.disabled = model.stage == 0
        self.step_button.disabled = model.stage == LAST
        rows = "".join(f"<div style='font-family:monospace'>{line}</div>" for line in model.formula())
        check = model.student_check()
        check_row = f"<div style='margin-top:4px'>{note_html(check, line_break=False)}</div>" if check else ""
        self.readout.value = (f"<b style='color:{text_color(colour)}'>{heading}</b>{rows}{check_row}"
                              f"<small>blue: forward pass; red: backward pass (chain rule); green: the update. "
                              f"Numbers from PyTorch autograd (float64).</small>")
        self.blitter.redraw()

    # -- controls ----------------------------------------------------------------------------
    def _on_step(self, button=None) -> None:
        self.model.step()
        self.update()
        self.refresh_setup_box()  # the stage is in the setup, but in no control

    def _on_back(self, button=None) -> None:
        self.model.back()
        self.update()
        self.refresh_setup_box()

    def _on_slider(self, change) -> None:
        owner = change["owner"]
        if self.browser_echo(change):
            return
        if owner is self.lr_slider:
            self.model.set(lr=change["new"])
        else:
            name = next(n for n, s in self.sliders.items() if s is owner)
            self.model.set(**{name: change["new"]})
        self.update()

    # -- setups --------------------------------------------------------------------------------
    def _extra_setup(self) -> dict[str, str]:
        return {"stage": self.model.key}

    def _restore_extra(self, values: dict[str, str]) -> None:
        """The stage (its key, e.g. `dtheta1`, or its number)."""
        stage = values.pop("stage", None)
        super()._restore_extra(values)
        if stage is not None and stage not in STAGE and not (stage.isdigit() and int(stage) <= LAST):
            raise ValueError(f"The setup's stage={stage} is not a stage: {', '.join(STAGE)} (or 0 to {LAST}).")
        if stage is not None:
            self.model.set(stage=STAGE[stage] if stage in STAGE else int(stage))
        self.update()


def show_backprop_stepper(namespace: dict | None = None, *, functions: dict[str, Callable] | None = None,
                          setup: str | None = None, controls=None, presenter: bool = False,
                          **settings) -> BackpropStepperExplorer | None:
    """Build and display the stepper; returns it, or None under nbgrader (no widgets there).

    Pass a notebook's `globals()`: the readout then also checks the notebook's `linear_forward`,
    `sigmoid_forward`, `half_squared_error`, `sigmoid_backward` and `linear_backward` (as they are
    at each click) against autograd. Or pass `functions` (name -> callable).
    settings: x (two inputs), y (target), lr to start from. setup, controls, presenter: see
    `dlcourse.viz.explorer` (e.g. setup="the lecture's network, after the backward pass").
    """
    from dlcourse.viz.binding import late_bound

    if functions is None and namespace is not None:
        functions = {name: late_bound(namespace, name) for name in STUDENT_FUNCTIONS}
    return launch(lambda: BackpropStepperExplorer(functions, **settings), setup=setup, controls=controls,
                  presenter=presenter)
