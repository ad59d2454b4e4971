"""The playground (week 6): an in-notebook TensorFlow Playground, as a thin view of PlaygroundModel.

Left, the network: the input features, every hidden neuron and the output, each as a small map
of its value over the square [-6, 6]² (blue > 0, orange < 0, as the Playground), the weights as
lines between them (blue +, orange −, thicker when larger) and each neuron's bias as a small
square at its lower left. Right, the output as a heat map with the training points (white
rims) and, if shown, the test points (black rims); below it the train (grey) and test (black)
loss over the epochs. Controls above: play / pause, step (one epoch), reset; the learning rate,
activation, regularization and its rate; loss and optimizer (beyond the Playground); teacher
presets; the data set, noise, train share, batch size, regenerate; the input features and the
hidden layers.

Speed: every step (train one epoch, then redraw) must stay well under 100 ms on two cores. All
the maps are painted into two RGBA arrays (one for the whole network, one for the output) with
the Playground's 31-shade lookup table and drawn pixel for pixel (PixelPicture, no resampling);
every moving artist is blitted (figure.Blitter), and a full draw happens only when the network's
layout changes. What is drawn changes only in steps (shades, line widths, the epoch axis), so
ipympl's PNG of the changed pixels stays small. Play is an ipywidgets Play widget whose ticks
each run one step; a backlog of ticks behind a slow step is dropped and the tick interval
follows the step time, so the kernel never falls behind and pause stops at once.
`benchmarks/playground_speed.py` measures it.

Why one file of about 600 lines: the view's parts (the network drawing, the output map, the
control rows and their syncing with the model, setups) all read and write the same artists and
widgets; split, each file would reach into the others' attributes. The model is already apart.
"""

from __future__ import annotations

import html
import time
from dataclasses import replace
from typing import Callable

import numpy as np

from dlcourse.viz.artists import PixelPicture
from dlcourse.viz.explorer import Explorer, launch, live_readout, setup_text
from dlcourse.viz.playground_model import (
    ACTIVATIONS,
    BATCH_RANGE,
    DENSITY,
    DOMAIN,
    FEATURE_NAMES,
    LEARNING_RATES,
    LOSSES,
    MAX_LAYERS,
    MAX_NEURONS,
    NOISE_RANGE,
    OPTIMIZERS,
    PRESETS,
    REGULARIZATION_RATES,
    REGULARIZATIONS,
    STUDENT_ACTIVATIONS,
    STUDENT_FUNCTIONS,
    TRAIN_RANGE,
    PlaygroundConfig,
    PlaygroundModel,
    preset_config,
)

ORANGE, GREY, BLUE = "#f59322", "#e8eaeb", "#0877bd"  # the Playground's colour scale: -1, 0, +1
N_SHADES = 30  # the Playground quantizes [-1, 1] into 31 colours
HEAT_ALPHA = 160 / 255  # ... and paints its heat maps with this alpha over white
PLAY_INTERVAL_MS = 40  # the shortest time between two play ticks
QUEUED_GAP_S = 0.015  # a tick arriving sooner than this after a step ended was queued meanwhile
MAX_CURVE_POINTS = 600

# The network picture, in units of map pixels (a neuron's map is TILE x TILE).
TILE_STEP = 5
TILE = DENSITY // TILE_STEP  # 20: a neuron's map is the 100 x 100 grid's every 5th point (block centres)
PITCH_Y = TILE + 8
TOP = 28  # room for the column captions
LEFT = 40  # room for the input features' names
NET_HEIGHT = TOP + MAX_NEURONS * PITCH_Y
NET_WIDTH = 372

LOSS_LABELS = {"squared": "squared error, tanh output", "cross-entropy": "cross-entropy, sigmoid output"}
OPTIMIZER_LABELS = {"sgd": "SGD", "momentum": "momentum", "rmsprop": "RMSprop", "adam": "Adam"}
ACTIVATION_LABELS = {"relu": "ReLU", "tanh": "tanh", "sigmoid": "sigmoid", "linear": "linear"}
CUSTOM = "(custom)"


def _hex(colour: str) -> np.ndarray:
    return np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)], dtype=float)


def palette(alpha: float = 1.0) -> np.ndarray:
    """The Playground's 31 shades from orange (-1) through grey (0) to blue (+1), RGBA uint8 (31, 4),
    blended with `alpha` over white."""
    t = np.linspace(0.0, 1.0, N_SHADES + 1)[:, None]
    orange, grey, blue = _hex(ORANGE), _hex(GREY), _hex(BLUE)
    rgb = np.where(t < 0.5, orange + (grey - orange) * (t / 0.5), grey + (blue - grey) * ((t - 0.5) / 0.5))
    rgb = alpha * rgb + (1 - alpha) * 255.0
    rgba = np.concatenate([np.round(rgb), np.full((len(t), 1), 255.0)], axis=1)
    return rgba.astype(np.uint8)


HEAT_LUT = palette(HEAT_ALPHA)
HEAT_LUT32 = HEAT_LUT.view(np.uint32).ravel()  # one uint32 per RGBA pixel: one look-up per pixel
LINE_LUT = palette(1.0).astype(float) / 255.0


def shade_index(values: np.ndarray, discretize: bool = False) -> np.ndarray:
    """Index into the 31 shades for values in [-1, 1] (clamped; nan is grey), as d3's quantize."""
    v = np.nan_to_num(np.asarray(values, dtype=float), nan=0.0)
    if discretize:
        return np.where(v >= 0, N_SHADES, 0)
    return np.clip(((v + 1.0) / 2.0 * (N_SHADES + 1)).astype(int), 0, N_SHADES)


def network_layout(n_features: int, hidden: tuple[int, ...]) -> dict:
    """Where the network picture puts each neuron's map (top-left corner, in map pixels), by column.

    Columns: the input features, each hidden layer, the output. Returns {'columns': [[(x, y), ...], ...],
    'segments': (n_links, 2, 2) from each source's right edge to each destination's left edge, in
    the order of the flattened weight matrices W_l[i, j], 'biases': (n_nodes, 2) marker places}.
    """
    sizes = [n_features, *hidden, 1]
    last = NET_WIDTH - TILE - 6
    xs = np.round(np.linspace(LEFT, last, len(sizes))).astype(int)
    columns = []
    for x, n in zip(xs, sizes):
        top = TOP + int(round((MAX_NEURONS - n) * PITCH_Y / 2))
        columns.append([(int(x), top + j * PITCH_Y) for j in range(n)])
    segments, biases = [], []
    for source, dest in zip(columns[:-1], columns[1:]):
        n = len(source)
        for i, (x0, y0) in enumerate(source):
            spread = (i - (n - 1) / 2) / n * 8  # the Playground fans each neuron's arrivals out a little
            for (x1, y1) in dest:
                segments.append([(x0 + TILE, y0 + TILE / 2), (x1, y1 + TILE / 2 + spread)])
        for (x1, y1) in dest:
            biases.append((x1 - 3.5, y1 + TILE - 2.0))
    return {"columns": columns, "segments": np.array(segments, dtype=float).reshape(-1, 2, 2),
            "biases": np.array(biases, dtype=float).reshape(-1, 2)}


def playground_setup(epochs: int, preset: str | None = None, show_test: bool = False, **changes) -> str:
    """A whole setup: the preset's settings (or the defaults) with `changes`, trained `epochs` epochs."""
    c = replace(preset_config(preset) if preset else PlaygroundConfig(), **changes)
    values = {**{key: getattr(c, key) for key in SETTINGS if key != "engine"}, "show_test": show_test,
              "discretize": False, "features": ",".join(c.features), "hidden": ",".join(map(str, c.hidden)),
              "regenerated": 0, "epochs": epochs}
    return setup_text(**values)


# The config's fields a control holds, in the order a setup restores them (the engine before the
# activation and the loss: it limits their choices).
SETTINGS = ("dataset", "noise", "train_percent", "seed", "batch_size", "engine", "activation", "learning_rate",
            "regularization", "regularization_rate", "loss", "optimizer")


class PlaygroundExplorer(Explorer):
    """The widget view of a PlaygroundModel: controls, the network picture, the output, the losses.

    Args:
        functions: the student's numpy MLP, name -> callable (see STUDENT_FUNCTIONS); with it an
            "engine" toggle offers "your numpy MLP".
        config: starting settings (PlaygroundConfig); `preset` a name from PRESETS; `settings`
            override single fields (e.g. dataset="xor").
    """

    name = "playground"
    EXTRA_KEYS = ("features", "hidden", "regenerated", "epochs")
    description = ("A neural network drawn as columns of small maps, one per input feature and hidden neuron, "
                   "joined by lines for the weights (blue positive, orange negative, thicker when larger); beside "
                   "it the network's output over the plane as a blue and orange map with the data points, and "
                   "the train and test loss over the epochs.")
    PRESENTER_MARKS = 1.4  # its figure cannot grow under its tall panel: its text does
    SETUPS = {
        # One hidden layer of 2 units cannot separate XOR's four quadrants (it stalls near 88%); 3 ReLUs can.
        "XOR: 2 hidden units are not enough": playground_setup(100, dataset="xor", hidden=(2,), learning_rate=0.1,
                                                               seed=1),
        "XOR solved by a 2-3-1 ReLU net": playground_setup(50, dataset="xor", hidden=(3,), activation="relu",
                                                           learning_rate=0.1, seed=1),
        "an over-fit: test loss rises": playground_setup(100, "over-fit: noisy, few points, big net", True),
        "L2 smooths the over-fit": playground_setup(100, "L2 smooths an over-fit", True),
    }

    def __init__(self, functions: dict[str, Callable] | None = None, config: PlaygroundConfig | None = None,
                 preset: str | None = None, **settings):
        import ipywidgets as widgets

        from dlcourse.viz.figure import Blitter, interactive_figure

        self.model = PlaygroundModel(config, functions=functions)
        if preset is not None:
            self.model.apply_preset(preset)
        if settings:
            self.model.set(**settings)
        self._last_done = -1.0
        self._last_was_queued = False
        self._step_ms = 0.0
        self._layout_key = None
        self._points_key = None
        wide = {"description_width": "initial"}

        def dropdown(description, options, width):
            return widgets.Dropdown(options=options, description=description, style=wide,
                                    layout=widgets.Layout(width=width))

        # --- run controls ---
        self.play = widgets.Play(value=0, min=0, max=10**9, step=1, interval=PLAY_INTERVAL_MS, show_repeat=False,
                                 description="play", layout=widgets.Layout(width="auto"))
        self.step_button = widgets.Button(description="step", icon="step-forward", tooltip="one epoch",
                                          layout=widgets.Layout(width="80px"))
        self.reset_button = widgets.Button(description="reset", icon="undo", tooltip="a fresh network",
                                           layout=widgets.Layout(width="80px"))
        self.lr_menu = dropdown("learning rate", [(f"{r:g}", r) for r in LEARNING_RATES], "170px")
        self.activation_menu = dropdown("activation", [(ACTIVATION_LABELS[a], a) for a in ACTIVATIONS], "160px")
        self.regularization_menu = dropdown("regularization", list(REGULARIZATIONS), "170px")
        self.rate_menu = dropdown("rate", [(f"{r:g}", r) for r in REGULARIZATION_RATES], "110px")
        self.loss_menu = dropdown("loss", [(LOSS_LABELS[k], k) for k in LOSSES], "280px")
        self.optimizer_menu = dropdown("optimizer", [(OPTIMIZER_LABELS[k], k) for k in OPTIMIZERS], "170px")
        self.preset_menu = dropdown("preset", [CUSTOM, *PRESETS], "390px")
        self.engine_toggle = widgets.ToggleButtons(options=[("PyTorch", "torch"), ("your numpy MLP", "numpy")],
                                                   style={"button_width": "130px"})
        self.seed_box = widgets.BoundedIntText(min=0, max=99999, description="seed", style=wide,
                                               layout=widgets.Layout(width="130px"))
        # --- data ---
        self.dataset_toggle = widgets.ToggleButtons(options=["circle", "xor", "gauss", "spiral"],
                                                    style={"button_width": "62px"})
        low, high, step = NOISE_RANGE
        self.noise_slider = widgets.IntSlider(min=low, max=high, step=step, description="noise %", style=wide,
                                              continuous_update=False, layout=widgets.Layout(width="190px"))
        low, high, step = TRAIN_RANGE
        self.train_slider = widgets.IntSlider(min=low, max=high, step=step, description="train %", style=wide,
                                              continuous_update=False, layout=widgets.Layout(width="190px"))
        low, high, step = BATCH_RANGE
        self.batch_slider = widgets.IntSlider(min=low, max=high, step=step, description="batch size", style=wide,
                                              continuous_update=False, layout=widgets.Layout(width="210px"))
        self.regenerate_button = widgets.Button(description="regenerate", icon="refresh",
                                                tooltip="new points, same network",
                                                layout=widgets.Layout(width="110px"))
        self.show_test_box = widgets.Checkbox(value=False, description="show test data", indent=False,
                                              layout=widgets.Layout(width="120px"))
        self.discretize_box = widgets.Checkbox(value=False, description="discretize output", indent=False,
                                               layout=widgets.Layout(width="135px"))
        # --- features and layers ---
        self.feature_toggles = {name: widgets.ToggleButton(description=name, layout=widgets.Layout(width="62px"))
                                for name in FEATURE_NAMES}
        self.remove_layer_button = widgets.Button(description="−", tooltip="remove a hidden layer",
                                                  layout=widgets.Layout(width="32px"))
        self.add_layer_button = widgets.Button(description="+", tooltip="add a hidden layer",
                                               layout=widgets.Layout(width="32px"))
        self.layers_label = widgets.HTML()
        self.neuron_boxes = [widgets.BoundedIntText(min=1, max=MAX_NEURONS, layout=widgets.Layout(width="48px"))
                             for _ in range(MAX_LAYERS)]
        self.readout = live_readout()
        self._settings = dict(zip(SETTINGS, (
            self.dataset_toggle, self.noise_slider, self.train_slider, self.seed_box, self.batch_slider,
            self.engine_toggle, self.activation_menu, self.lr_menu, self.regularization_menu, self.rate_menu,
            self.loss_menu, self.optimizer_menu)))

        self._build_figure(interactive_figure, Blitter)
        self._sync_controls()
        self._connect()
        self.update()

        label = widgets.HTML

        def row(*children):  # a whole row of the panel (width 100%: one under the other, as before)
            return widgets.HBox(children, layout=widgets.Layout(flex_flow="row wrap", align_items="center",
                                                                width="100%"))

        # The features and the layers in boxes of their own, so that `controls=` can hide them.
        features = widgets.HBox([label("features&nbsp;"), *self.feature_toggles.values(), label("&nbsp;&nbsp;")])
        layers = widgets.HBox([self.remove_layer_button, self.add_layer_button, self.layers_label,
                               *self.neuron_boxes], layout=widgets.Layout(align_items="center"))
        rows = [row(self.play, self.step_button, self.reset_button, self.lr_menu, self.activation_menu,
                    self.regularization_menu, self.rate_menu),
                row(label("data&nbsp;"), self.dataset_toggle, self.noise_slider, self.train_slider, self.batch_slider,
                    self.regenerate_button),
                row(features, layers),
                row(self.loss_menu, self.optimizer_menu, self.seed_box, self.show_test_box, self.discretize_box),
                row(self.preset_menu, *([label("&nbsp;&nbsp;engine&nbsp;"), self.engine_toggle]
                                        if functions is not None else []))]
        state = {key: control for key, control in self._settings.items() if key != "engine" or functions is not None}
        state.update(show_test=self.show_test_box, discretize=self.discretize_box)
        # The features and hidden layers (changed together: one at a time can pass through a network
        # the model refuses) and the training are extra state: see _extra_setup.
        self._finish([*rows, self.readout], state, panel="top", actions={
            "play": self.play, "step": self.step_button, "reset": self.reset_button,
            "regenerate": self.regenerate_button, "features": features, "layers": layers, "preset": self.preset_menu})

    # --- the figure ---------------------------------------------------------------------------
    def _build_figure(self, interactive_figure, Blitter) -> None:
        from matplotlib.collections import LineCollection

        width, height = 9.6, 4.3
        self.fig = fig = interactive_figure(width, height)
        self.ax_net = fig.add_axes((0.0, 0.0, 0.64, 1.0))
        self.ax_net.set_axis_off()
        self.ax_net.set_xlim(0, NET_WIDTH)
        self.ax_net.set_ylim(NET_HEIGHT, 0)
        self.ax_net.set_aspect("equal")
        self._tiles = np.zeros((NET_HEIGHT, NET_WIDTH), dtype=np.uint32)  # transparent between the maps
        self.tile_image = PixelPicture(self._tiles, (0, NET_WIDTH, NET_HEIGHT, 0))
        self.ax_net.add_artist(self.tile_image)
        self.links = LineCollection(np.zeros((0, 2, 2)), capstyle="butt")
        self.ax_net.add_collection(self.links)
        self.bias_marks = self.ax_net.scatter(np.zeros(0), np.zeros(0), s=10, marker="s", edgecolors="0.4",
                                              linewidths=0.4)
        self._captions = []

        side = 2.75
        self.ax_out = fig.add_axes((0.672, 1 - 0.07 - side / height, side / width, side / height))
        self._heat = np.zeros((DENSITY, DENSITY), dtype=np.uint32)
        self.out_image = PixelPicture(self._heat, (-DOMAIN, DOMAIN, -DOMAIN, DOMAIN))
        self.ax_out.add_artist(self.out_image)
        self.train_points = self.ax_out.scatter(np.zeros(0), np.zeros(0), s=11, edgecolors="white", linewidths=0.6)
        self.test_points = self.ax_out.scatter(np.zeros(0), np.zeros(0), s=11, edgecolors="black", linewidths=0.6)
        self.ax_out.set_xlim(-DOMAIN, DOMAIN)
        self.ax_out.set_ylim(-DOMAIN, DOMAIN)
        ticks = np.arange(-6, 7, 2)
        self.ax_out.set_xticks(ticks)
        self.ax_out.set_yticks(ticks)
        self.ax_out.tick_params(labelsize=7, length=2, pad=1)
        self.ax_out.set_title("output: blue class 1, orange class 0", fontsize=8, pad=3)

        self.ax_loss = fig.add_axes((0.672, 0.045, side / width, 0.15))
        (self.train_curve,) = self.ax_loss.plot([], [], color="#777777", lw=1.2, label="train")
        (self.test_curve,) = self.ax_loss.plot([], [], color="black", lw=1.2, label="test")
        self.ax_loss.set_xlim(0, 1)
        self.ax_loss.set_ylim(0, 1.1)
        self.ax_loss.set_xticks([])
        self.ax_loss.set_yticks([])
        self.ax_loss.legend(loc="upper right", fontsize=7, frameon=False, ncol=2, handlelength=1.2)
        self.loss_label = self.ax_loss.text(0.02, 0.95, "", transform=self.ax_loss.transAxes, fontsize=7,
                                            va="top", ha="left")
        self.ax_loss.set_xlabel("epochs", fontsize=7, labelpad=1)
        self.ax_loss.set_ylabel("loss", fontsize=7, labelpad=1)
        self.blitter = Blitter(fig, [self.links, self.tile_image, self.bias_marks, self.out_image,
                                     self.train_points, self.test_points, self.train_curve, self.test_curve,
                                     self.loss_label])

    def _relayout(self) -> bool:
        """Place the neurons' maps, links and captions for the current architecture; True if it changed."""
        c = self.model.config
        key = (c.features, c.hidden)
        if key == self._layout_key:
            return False
        self._layout_key = key
        layout = network_layout(len(c.features), c.hidden)
        self.links.set_segments(layout["segments"])
        self.bias_marks.set_offsets(layout["biases"])
        corners = np.array([corner for column in layout["columns"] for corner in column])
        r = np.arange(TILE)
        self._tile_index = ((corners[:, 1, None, None] + r[None, :, None]) * NET_WIDTH
                            + corners[:, 0, None, None] + r[None, None, :]).ravel()
        self._tiles[:] = 0
        for text in self._captions:
            text.remove()
        self._captions = []
        columns = layout["columns"]
        # Captions as large as presenter size asks, but never wider than a column's pitch.
        pitch = columns[1][0][0] - columns[0][0][0]
        pitch_pt = pitch * self.ax_net.bbox.width / NET_WIDTH * 72 / self.fig.dpi
        heads = ["features", *(f"{n} neuron{'s' if n > 1 else ''}" for n in c.hidden)]
        size = min(7.5 * self.marks, 0.9 * pitch_pt / (0.6 * max(map(len, heads))))
        caption = dict(fontsize=size, ha="center", va="bottom", color="0.2")
        for column, head in zip(columns, heads):
            self._captions.append(self.ax_net.text(column[0][0] + TILE / 2, TOP - 6, head, **caption))
        self._captions.append(self.ax_net.text(columns[-1][0][0] + TILE / 2, columns[-1][0][1] - 4, "output",
                                               **caption))
        for name, (x, y) in zip(c.features, columns[0]):
            self._captions.append(self.ax_net.text(x - 3, y + TILE / 2, name, fontsize=8 * self.marks, ha="right",
                                                   va="center"))
        return True

    def _restyled(self) -> list:
        return [self.links]  # a link's width is its weight

    def set_presenter(self, on: bool = True) -> None:
        changed = on != self._presenter
        super().set_presenter(on)
        if changed:
            self._layout_key = None  # the captions, fitted again to the new text size
            self._relayout()
            self.update()

    def update(self) -> None:
        """Redraw everything from the model: maps, weights, points, curves, readout; then blit."""
        model = self.model
        full = self._relayout()
        discretize = self.discretize_box.value
        maps = model.maps()
        self._heat[:] = HEAT_LUT32[shade_index(maps["output"][::-1], discretize)]  # row 0 on top: x2 = +6
        values = np.concatenate([maps["inputs"], *maps["hidden"], maps["output"][None]])
        centre = TILE_STEP // 2  # the Playground averages 10 x 10 blocks; the blocks' centres cost nothing
        values = values[:, DENSITY - 1 - centre::-TILE_STEP, centre::TILE_STEP]  # row 0 on top
        self._tiles.ravel()[self._tile_index] = HEAT_LUT32[shade_index(values, discretize)].ravel()
        params = model.drawn_parameters()
        weights = np.concatenate([W.ravel() for W, _ in params])
        biases = np.concatenate([b.ravel() for _, b in params])
        finite = np.nan_to_num(weights, nan=0.0, posinf=5.0, neginf=-5.0)
        # The Playground's 1-10 px for |w| in [0, 5], in steps of |w| = 0.25: a line is redrawn
        # (and its pixels sent) only when its weight moved a step.
        steps = np.minimum(np.round(np.abs(finite) * 4), 20)
        self.links.set_linewidths(0.72 * (1 + 9 * steps / 20))
        self.links.set_color(LINE_LUT[shade_index(finite)])
        self.bias_marks.set_facecolors(LINE_LUT[shade_index(biases)])
        self._update_points()
        self._update_curves()
        self._update_readout()
        self.blitter.redraw(full=full)
        if self.widget is not None:
            self.refresh_setup_box()  # the training, features and layers are in the setup, in no control

    def _update_points(self) -> None:
        m = self.model
        key = (id(m.X_train), id(m.X_test))
        if self._points_key == key:
            self.test_points.set_visible(self.show_test_box.value)
            return
        self._points_key = key
        colours = np.array([_hex(ORANGE), _hex(BLUE)]) / 255.0
        self.train_points.set_offsets(m.X_train)
        self.train_points.set_facecolors(colours[m.y_train])
        self.test_points.set_offsets(m.X_test)
        self.test_points.set_facecolors(colours[m.y_test])
        self.test_points.set_visible(self.show_test_box.value)

    def _update_curves(self) -> None:
        h = self.model.history
        epochs = np.asarray(h["epoch"], dtype=float)
        train = np.asarray(h["train_loss"], dtype=float)
        test = np.asarray(h["test_loss"], dtype=float)
        span = next(s * 10**k for k in range(12) for s in (1, 2, 5) if s * 10**k >= max(epochs[-1], 10))
        stride = -(-span // MAX_CURVE_POINTS)  # every stride-th epoch: the same points from frame to frame
        if stride > 1:
            keep = np.arange(len(epochs)) % stride == 0
            keep[-1] = True
            epochs, train, test = epochs[keep], train[keep], test[keep]
        both = np.concatenate([train, test])
        finite = both[np.isfinite(both)]
        top = float(finite.max()) if finite.size and finite.max() > 0 else 1.0
        # The epoch axis grows in steps (10, 20, 50, 100, ...), so the curves only get longer in
        # between: the pixels drawn before stay, and only the new ones are sent.
        self.train_curve.set_data(epochs / span, np.clip(train / top, 0, 1.1))
        self.test_curve.set_data(epochs / span, np.clip(test / top, 0, 1.1))
        self.loss_label.set_text(f"epochs 0-{span:,}\nloss 0-{top:.3g}")

    def _update_readout(self) -> None:
        m, c = self.model, self.model.config
        engine = "your numpy MLP" if c.engine == "numpy" else "PyTorch"
        loss = "softmax cross-entropy, 2 outputs" if c.engine == "numpy" else LOSS_LABELS[c.loss]
        diverged = "" if np.isfinite(m.train_loss) else " <b style='color:#b00'>(diverged: nan)</b>"
        note = f"<br><i style='color:#b00'>{html.escape(m.message)}</i>" if m.message else ""
        # Every setting is stated, so a change that shows only at the next epoch is still heard.
        regularization = ("no regularization" if c.regularization == "none"
                          else f"{c.regularization.upper()} rate {c.regularization_rate:g}")
        self.readout.value = (
            f"<b>Epoch {m.epoch:,}</b> &nbsp; train loss <b>{m.train_loss:.3f}</b> &nbsp; test loss "
            f"<b>{m.test_loss:.3f}</b> &nbsp; accuracy: train <b>{m.train_accuracy:.0%}</b>, test "
            f"<b>{m.test_accuracy:.0%}</b>{diverged}<br><small>engine: {engine} · loss: {loss} · "
            f"{OPTIMIZER_LABELS[c.optimizer]}, learning rate {c.learning_rate:g}, batch size {c.batch_size} · "
            f"{regularization} · {c.dataset} data, noise {c.noise}%: {len(m.y_train)} training / "
            f"{len(m.y_test)} test points · "
            f"weights: blue +, orange −, thicker = larger</small>{note}")

    # --- controls -----------------------------------------------------------------------------
    def _connect(self) -> None:
        self.play.observe(self._on_tick, names="value")
        self.step_button.on_click(lambda _: self._on_step())
        self.reset_button.on_click(lambda _: self._on_reset())
        self.regenerate_button.on_click(lambda _: self._on_regenerate())
        for name, control in self._settings.items():
            control.observe(lambda change, name=name: self._on_setting(name, change["new"]), names="value")
        for toggle in self.feature_toggles.values():
            toggle.observe(self._on_feature, names="value")
        for box in self.neuron_boxes:
            box.observe(self._on_neurons, names="value")
        self.add_layer_button.on_click(lambda _: self._on_layers(+1))
        self.remove_layer_button.on_click(lambda _: self._on_layers(-1))
        self.preset_menu.observe(self._on_preset, names="value")
        self.show_test_box.observe(lambda _: self.update(), names="value")
        self.discretize_box.observe(lambda _: self.update(), names="value")

    def _sync_controls(self) -> None:
        """Show the model's settings in the controls (after presets, coercions and fall-backs)."""
        c = self.model.config
        with self.quietly():
            numpy_engine = c.engine == "numpy"
            allowed = STUDENT_ACTIVATIONS if numpy_engine else ACTIVATIONS
            options = [(ACTIVATION_LABELS[a], a) for a in allowed]
            if list(self.activation_menu.options) != options:
                self.activation_menu.options = options
            self.loss_menu.disabled = numpy_engine
            for name, control in self._settings.items():
                if control.value != getattr(c, name):
                    control.value = getattr(c, name)
            for name, toggle in self.feature_toggles.items():
                toggle.value = name in c.features
            n = len(c.hidden)
            self.layers_label.value = f"&nbsp;<b>{n}</b> hidden layer{'s' if n != 1 else ''}&nbsp;"
            for i, box in enumerate(self.neuron_boxes):
                box.layout.display = "" if i < n else "none"
                if i < n:
                    box.value = c.hidden[i]
            self.add_layer_button.disabled = n >= MAX_LAYERS
            self.remove_layer_button.disabled = n == 0

    def _change(self, **changes) -> None:
        """Change settings in the model; pause if the network restarts; show the result."""
        changed = self.model.set(**changes)
        if changed - {"learning_rate"}:
            self.play.playing = False
        self._after_change()

    def _after_change(self, keep_preset: bool = False) -> None:
        if not keep_preset and self.preset_menu.value != CUSTOM:
            with self.quietly():
                self.preset_menu.value = CUSTOM
        self._sync_controls()
        self.update()

    def _on_setting(self, name: str, value) -> None:
        if self.quiet:
            return
        self._change(**{name: value})

    def _on_feature(self, change) -> None:
        if self.quiet:
            return
        chosen = tuple(name for name, toggle in self.feature_toggles.items() if toggle.value)
        if not chosen:
            self._sync_controls()  # keep the last feature on
            self.model.message = "keep at least one input feature."
            self._update_readout()
            return
        self._change(features=chosen)

    def _on_neurons(self, change) -> None:
        if self.quiet:
            return
        n = len(self.model.config.hidden)
        self._change(hidden=tuple(int(box.value) for box in self.neuron_boxes[:n]))

    def _on_layers(self, delta: int) -> None:
        hidden = list(self.model.config.hidden)
        if delta > 0 and len(hidden) < MAX_LAYERS:
            hidden.append(2)  # the Playground adds a layer of 2 neurons
        elif delta < 0 and hidden:
            hidden.pop()
        self._change(hidden=tuple(hidden))

    def _on_preset(self, change) -> None:
        if self.quiet or change["new"] == CUSTOM:
            return
        self.play.playing = False
        self.model.apply_preset(change["new"])
        self._after_change(keep_preset=True)

    def _on_step(self) -> None:
        self.play.playing = False
        self.step()

    def _on_reset(self) -> None:
        self.play.playing = False
        self.model.reset()
        self._after_change(keep_preset=True)

    def _on_regenerate(self) -> None:
        self.model.regenerate()
        self._after_change(keep_preset=True)

    def step(self) -> None:
        """One epoch of training, then the redraw (what a play tick or the step button does)."""
        engine = self.model.config.engine
        self.model.step()
        if self.model.config.engine != engine:  # the student's code failed: show the fall-back
            self.play.playing = False
            self._sync_controls()
        self.update()

    def _on_tick(self, change) -> None:
        """A tick of the Play widget: one step, unless ticks piled up behind a slow step.

        A tick that waited in the queue while a step ran arrives right after it. One such tick
        runs (the kernel keeps busy); further ones are dropped until a tick arrives fresh, so a
        backlog never builds up and pause stops at once. The tick interval follows the step time.
        """
        if change["new"] <= change["old"]:  # the stop button (back to 0)
            return
        start = time.perf_counter()
        queued = start - self._last_done < QUEUED_GAP_S
        if queued and self._last_was_queued:
            return
        self._last_was_queued = queued
        self.step()
        self._last_done = time.perf_counter()
        self._step_ms = 0.8 * self._step_ms + 0.2 * 1000 * (self._last_done - start)
        # A little faster than the kernel steps: a tick is waiting when a step ends (and runs at
        # once), while the rule above drops the surplus.
        interval = int(max(PLAY_INTERVAL_MS, 0.8 * self._step_ms))
        if abs(interval - self.play.interval) > 0.2 * self.play.interval:
            self.play.interval = interval

    # --- setups -------------------------------------------------------------------------------
    def _extra_setup(self) -> dict[str, str]:
        """The features, the hidden layers, and the training since the network started (`epochs`, see
        PlaygroundModel.training_log) on the points of `regenerated` presses of regenerate."""
        m, c = self.model, self.model.config
        return {"features": ",".join(c.features), "hidden": ",".join(map(str, c.hidden)),
                "regenerated": str(m.data_version), "epochs": m.training_log()}

    def _restore_extra(self, values: dict[str, str]) -> None:
        """Features and layers at once, then the training replayed from the seed (deterministic)."""
        extra = {key: values.pop(key) for key in self.EXTRA_KEYS if key in values}
        super()._restore_extra(values)
        self.play.playing = False
        changes = {}
        if "features" in extra:
            changes["features"] = tuple(name for name in extra["features"].split(",") if name)
        try:
            if "hidden" in extra:
                changes["hidden"] = tuple(int(n) for n in extra["hidden"].split(",") if n)
            regenerated = int(extra.get("regenerated", self.model.data_version))
        except ValueError:
            raise ValueError(f"The setup's hidden={extra.get('hidden')} or regenerated={extra.get('regenerated')} "
                             "is not whole numbers.") from None
        if changes:
            self.model.set(**changes)  # its ValueError says what the network must be
        if "epochs" in extra or "regenerated" in extra:
            self.model.replay(extra.get("epochs", "0"), regenerated)
        self._after_change()


def show_playground(namespace: dict | None = None, *, functions: dict[str, Callable] | None = None,
                    preset: str | None = None, setup: str | None = None, controls=None, presenter: bool = False,
                    **settings) -> PlaygroundExplorer | None:
    """Build and display the playground; returns it, or None under nbgrader (no widgets there).

    Pass a notebook's `globals()` to offer the engine "your numpy MLP": the playground then calls
    the notebook's init_mlp, mlp_forward, softmax_cross_entropy, mlp_backward and the optimizer
    steps as they are at each step (until they are written it says so and trains with PyTorch).
    `preset`: a name from PRESETS; `settings`: fields of PlaygroundConfig, e.g. dataset="xor".
    setup, controls, presenter: see `dlcourse.viz.explorer` (e.g. setup="XOR solved by a 2-3-1 ReLU net").
    """
    from dlcourse.viz.binding import late_bound

    if functions is None and namespace is not None:
        functions = {name: late_bound(namespace, name) for name in STUDENT_FUNCTIONS}
    return launch(lambda: PlaygroundExplorer(functions, preset=preset, **settings), setup=setup, controls=controls,
                  presenter=presenter)
