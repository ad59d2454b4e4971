"""Feature maps (week 8): what each convolution layer of a trained CNN makes of one image.

Every nn.Conv2d of the model, and every layer after one that still gives images (activations,
pools, batch norm), is a "layer" here; forward hooks record their outputs, (N, C, H, W), while the
model classifies one image. The view shows the input and the chosen layer's first channels (up to
32) as a grid of small grey pictures, each on its own colour scale or on the layer's shared one.

`FeatureMapModel` finds the layers (one forward pass with hooks on every leaf module, removed
afterwards) and computes an image's maps, in eval mode and without gradients, leaving the
model's mode as it was. `FeatureMapExplorer` is the thin view.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dlcourse.viz.artists import PixelPicture
from dlcourse.viz.explorer import Explorer, launch, live_readout

MAX_CHANNELS = 32
GRID_COLUMNS = 8
SCALES = ("each map", "whole layer")
SKIPPED = ("Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout", "FeatureAlphaDropout", "Identity")
CACHE_IMAGES = 64


@dataclass(frozen=True)
class Layer:
    """One recorded output: the module's name and type, which of its calls, the shape (C, H, W)."""

    name: str
    kind: str
    call: int  # 0 for the module's first call in a forward pass, 1 for its second, ...
    shape: tuple[int, int, int]

    def label(self) -> str:
        again = f" (call {self.call + 1})" if self.call else ""
        C, H, W = self.shape
        return f"{self.name}{again}: {self.kind} → {C}×{H}×{W}"


def grid_shape(channels: int, columns: int = GRID_COLUMNS) -> tuple[int, int]:
    """(rows, columns) of the picture grid for `channels` maps: at most `columns` wide."""
    cols = min(columns, channels)
    return -(-channels // cols), cols


def tile_maps(maps: np.ndarray, limits, tile: tuple[int, int], columns: int = GRID_COLUMNS
              ) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """The maps (C, h, w) as one picture: a grid of tiles scaled to [0, 1] by their limits, NaN between.

    Each map is stretched to `tile` (rows, columns) pixels by repeating pixels (nearest), so maps
    of every layer fill the same tiles. A band of NaN above each row of tiles leaves room for the
    channel numbers. Returns the mosaic and each tile's (top, left) pixel.
    """
    th, tw = tile
    rows, cols = grid_shape(len(maps), columns)
    gap_x, gap_y = max(1, round(0.12 * tw)), max(2, round(0.4 * th))
    mosaic = np.full((rows * (th + gap_y), cols * (tw + gap_x) - gap_x), np.nan, dtype=np.float32)
    origins = []
    for k, (values, (low, high)) in enumerate(zip(maps, limits)):
        h, w = values.shape
        stretched = values[np.arange(th) * h // th][:, np.arange(tw) * w // tw]
        top, left = (k // cols) * (th + gap_y) + gap_y, (k % cols) * (tw + gap_x)
        mosaic[top:top + th, left:left + tw] = (stretched - low) / (high - low)
        origins.append((top, left))
    return mosaic, origins


class FeatureMapModel:
    """A CNN, the images it sees, and the outputs of its convolution layers and those after them.

    images: model inputs, a float tensor (N, C, H, W) used as it is, or a numpy/uint8 array
    (N, H, W) or (N, C, H, W), scaled as `to_tensors` does (uint8 / 255).
    """

    def __init__(self, model, images, labels=None, *, max_channels: int = MAX_CHANNELS) -> None:
        import torch

        self.model = model
        self.inputs = self._as_inputs(images)
        self.labels = None if labels is None else np.asarray(labels).astype(int)
        if self.labels is not None and len(self.labels) != len(self.inputs):
            raise ValueError(f"{len(self.labels)} labels for {len(self.inputs)} images")
        self.max_channels = int(max_channels)
        parameter = next(model.parameters(), None)
        self.device = parameter.device if parameter is not None else torch.device("cpu")
        self.dtype = parameter.dtype if parameter is not None and parameter.is_floating_point() else torch.float32
        self._cache: dict[int, tuple[list[np.ndarray], np.ndarray | None]] = {}
        self.layers = self._find_layers()

    @staticmethod
    def _as_inputs(images):
        import torch

        if isinstance(images, torch.Tensor):
            x = images.detach()
        else:
            array = np.asarray(images)
            x = torch.from_numpy(array.astype(np.float32) / (255.0 if array.dtype == np.uint8 else 1.0))
        if x.ndim == 3:
            x = x.unsqueeze(1)
        if x.ndim != 4 or len(x) == 0:
            raise ValueError(f"images have shape {tuple(x.shape)}; expected (N, H, W) or (N, C, H, W)")
        return x

    # -- hooks ----------------------------------------------------------------------------------
    def _run(self, index: int):
        """Forward image `index` with a hook on every leaf module: ([(name, kind, call, output)], logits)."""
        import torch

        records, calls, handles = [], {}, []

        def hook_for(name):
            def hook(module, args, output):
                call = calls.get(name, 0)
                calls[name] = call + 1
                if isinstance(output, torch.Tensor) and output.ndim == 4:
                    records.append((name, type(module).__name__, call, output.detach()))
            return hook

        for name, module in self.model.named_modules():
            if name and next(module.children(), None) is None:  # a leaf, not the model itself
                handles.append(module.register_forward_hook(hook_for(name)))
        from dlcourse.viz.threads import one_torch_thread

        was_training = self.model.training
        try:
            self.model.eval()
            with torch.no_grad(), one_torch_thread():
                x = self.inputs[index:index + 1].to(device=self.device, dtype=self.dtype)
                output = self.model(x)
        finally:
            for handle in handles:
                handle.remove()
            self.model.train(was_training)
        return records, output

    def _find_layers(self) -> list[Layer]:
        records, _ = self._run(0)
        first = next((k for k, record in enumerate(records) if record[1] == "Conv2d"), None)
        if first is None:
            raise ValueError(f"no nn.Conv2d layer ran in {type(self.model).__name__}'s forward pass"
                             " (convolutions written with torch.nn.functional cannot be hooked)")
        return [Layer(name, kind, call, tuple(output.shape[1:]))
                for name, kind, call, output in records[first:] if kind not in SKIPPED]

    def _compute(self, index: int) -> tuple[list[np.ndarray], np.ndarray | None]:
        if index not in self._cache:
            import torch

            records, output = self._run(index)
            found = {(name, call): out for name, _, call, out in records}
            maps = []
            for layer in self.layers:
                out = found.get((layer.name, layer.call))
                if out is None:
                    raise RuntimeError(f"layer {layer.label()} did not run for image {index}")
                maps.append(out[0, :self.max_channels].to("cpu", torch.float32).numpy())
            probabilities = None
            if isinstance(output, torch.Tensor) and output.ndim == 2 and output.shape[0] == 1:
                probabilities = torch.softmax(output[0].to("cpu", torch.float64), dim=0).numpy()
            if len(self._cache) >= CACHE_IMAGES:
                self._cache.pop(next(iter(self._cache)))
            self._cache[index] = (maps, probabilities)
        return self._cache[index]

    # -- what to draw ---------------------------------------------------------------------------
    def feature_maps(self, index: int, layer: int) -> np.ndarray:
        """Layer `layer`'s first channels for image `index`: float32 (min(C, max_channels), H, W)."""
        if not 0 <= index < len(self.inputs):
            raise ValueError(f"image {index}, expected 0 <= index < {len(self.inputs)}")
        if not 0 <= layer < len(self.layers):
            raise ValueError(f"layer {layer}, expected 0 <= layer < {len(self.layers)}")
        return self._compute(index)[0][layer]

    def probabilities(self, index: int) -> np.ndarray | None:
        """softmax of the model's output for image `index`, if it gives one row of logits."""
        return self._compute(index)[1]

    def input_image(self, index: int) -> np.ndarray:
        """The model's input, channels averaged, (H, W) for display."""
        return self.inputs[index].float().mean(dim=0).cpu().numpy()

    def shown_channels(self, layer: int) -> int:
        return min(self.layers[layer].shape[0], self.max_channels)

    @staticmethod
    def limits(maps: np.ndarray, scale: str) -> list[tuple[float, float]]:
        """Colour limits for each map: its own range ('each map') or the layer's ('whole layer')."""
        if scale == "whole layer":
            low, high = float(np.min(maps)), float(np.max(maps))
            return [(low, max(high, low + 1e-6))] * len(maps)
        lows, highs = maps.min(axis=(1, 2)), maps.max(axis=(1, 2))
        return [(float(lo), float(max(hi, lo + 1e-6))) for lo, hi in zip(lows, highs)]


class FeatureMapExplorer(Explorer):
    """The widget view: an image slider, a layer menu, a colour-scale choice; input and map grid.

    The maps are drawn as one picture (a mosaic with transparent gaps over the channel numbers):
    one image to redraw per change instead of 32 keeps an image change fast. A setup holds the
    control values; the model and the images come from the caller.
    """

    name = "feature_maps"
    description = ("Left: the input image. Right: a grid of the chosen layer's feature maps for that image, up to "
                   "32 channels as small numbered grey pictures, bright where the value is large, each map on its "
                   "own colour scale or on one scale for the whole layer.")
    PRESENTER_MARKS = 1.4  # its figure cannot grow under its tall panel: its text does
    # Layer numbers of the lecture's CNN, Conv-ReLU-MaxPool twice (0: conv, 1: ReLU, 2: pool, 3: conv).
    SETUPS = {
        "first convolution, each map on its own scale": "layer=0&scale=each map",
        "first convolution on one scale": "layer=0&scale=whole layer",
        "after ReLU and max-pool": "layer=2&scale=each map",
        "second convolution": "layer=3&scale=each map",
    }

    def __init__(self, model, images, labels=None, *, class_names=None, max_channels: int = MAX_CHANNELS,
                 index: int = 0, layer: int = 0, scale: str = SCALES[0]) -> None:
        import ipywidgets as widgets
        import matplotlib

        from dlcourse.fashion_mnist import CLASSES
        from dlcourse.viz.figure import Blitter, interactive_figure

        self.model = FeatureMapModel(model, images, labels, max_channels=max_channels)
        self.class_names = tuple(class_names) if class_names is not None else CLASSES
        self.tile = tuple(int(max(layer.shape[k] for layer in self.model.layers)) for k in (1, 2))
        narrow = {"description_width": "50px"}
        self.image_slider = widgets.IntSlider(value=index, min=0, max=len(self.model.inputs) - 1, description="image",
                                              style=narrow, layout=widgets.Layout(width="300px"))
        self.layer_menu = widgets.Dropdown(options=[(layer.label(), k) for k, layer in enumerate(self.model.layers)],
                                           value=layer, description="layer", style=narrow,
                                           layout=widgets.Layout(width="400px"))
        self.scale_buttons = widgets.ToggleButtons(options=SCALES, value=scale, description="colours",
                                                   style={"description_width": "50px", "button_width": "115px"})
        for control in (self.image_slider, self.layer_menu, self.scale_buttons):
            control.observe(self._on_change, names="value")
        self.readout = live_readout()

        self.fig = interactive_figure(9.6, 4.0)
        self.ax_input = self.fig.add_axes((0.01, 0.15, 0.2, 0.7))
        self.ax_input.set_xticks([])
        self.ax_input.set_yticks([])
        self.ax_input.title.set_fontsize(9)
        self.input_artist = self.ax_input.imshow(self.model.input_image(index), cmap="gray", interpolation="nearest")
        self.ax_maps = self.fig.add_axes((0.24, 0.02, 0.75, 0.96))
        self.ax_maps.set_axis_off()
        # Coloured here (gaps see-through), so matplotlib draws ready RGBA bytes: 2-3 times faster
        # than colouring a NaN-masked float image in every draw.
        self.colormap = matplotlib.colormaps["gray"].with_extremes(bad=(0.0, 0.0, 0.0, 0.0))
        # Painted pixel for pixel (PixelPicture): resampling a mosaic of 32 maps as an AxesImage
        # took about a third of each change.
        self.maps_artist = PixelPicture(np.zeros((2, 2), dtype=np.uint32), (-0.5, 1.5, 1.5, -0.5))
        self.ax_maps.add_artist(self.maps_artist)
        self.ax_maps.set_aspect("equal")
        self.channel_labels = []
        self.blitter = Blitter(self.fig, [self.input_artist, self.ax_input.title, self.maps_artist])
        self._grid = None
        self.update()
        self._finish([widgets.VBox([self.image_slider, self.layer_menu, self.scale_buttons]), self.readout],
                     {"image": self.image_slider, "layer": self.layer_menu, "scale": self.scale_buttons},
                     panel="top")

    @property
    def index(self) -> int:
        return self.image_slider.value

    @property
    def layer(self) -> int:
        return self.layer_menu.value

    def _build_grid(self, channels: int) -> None:
        """Mosaic size, limits and channel numbers for a new grid shape (a full redraw)."""
        for text in self.channel_labels:
            text.remove()
        mosaic, origins = tile_maps(np.zeros((channels, *self.tile)), [(0.0, 1.0)] * channels, self.tile)
        height, width = mosaic.shape
        self.maps_artist.extent = (-0.5, width - 0.5, height - 0.5, -0.5)
        self.ax_maps.set_xlim(-0.5, width - 0.5)
        self.ax_maps.set_ylim(height - 0.5, -0.5)
        self.channel_labels = [self.ax_maps.text(left + self.tile[1] / 2 - 0.5, top - 1, str(k), ha="center",
                                                 va="bottom", fontsize=7 * self.marks)
                               for k, (top, left) in enumerate(origins)]
        self._grid = (*grid_shape(channels), channels)

    def update(self) -> None:
        model, index, layer = self.model, self.index, self.layer
        channels = model.shown_channels(layer)
        full = (*grid_shape(channels), channels) != self._grid
        if full:
            self._build_grid(channels)
        maps = model.feature_maps(index, layer)
        mosaic, _ = tile_maps(maps, model.limits(maps, self.scale_buttons.value), self.tile)
        self.mosaic = mosaic
        self.maps_artist.pixels = self.colormap(mosaic, bytes=True).view(np.uint32)[..., 0]
        self.input_artist.set_data(model.input_image(index))
        self.input_artist.set_clim(*self._input_limits(index))
        self.ax_input.title.set_text(self._image_title(index))  # set_title would reset its size
        self.readout.value = self._readout(maps)
        self.blitter.redraw(full=full)

    def _input_limits(self, index: int) -> tuple[float, float]:
        image = self.model.input_image(index)
        return float(image.min()), float(max(image.max(), image.min() + 1e-6))

    def _class(self, k: int) -> str:
        return self.class_names[k] if 0 <= k < len(self.class_names) else f"class {k}"

    def _image_title(self, index: int) -> str:
        title = f"image {index}"
        if self.model.labels is not None:
            title += f": {self._class(int(self.model.labels[index]))}"
        return title

    def _readout(self, maps: np.ndarray) -> str:
        model, index = self.model, self.index
        info = model.layers[self.layer]
        C, H, W = info.shape
        shown = f"channels 0–{len(maps) - 1} of {C} shown" if len(maps) < C else f"all {C} channels shown"
        lines = [f"<b>{self._image_title(index)}</b>"]
        probabilities = model.probabilities(index)
        if probabilities is not None:
            best = int(np.argmax(probabilities))
            lines.append(f"model says <b>{self._class(best)}</b> ({100 * probabilities[best]:.1f}%)")
        zero = float(np.mean(maps <= 0))
        lines.append(f"layer <b>{info.name}</b> ({info.kind}): {C} maps of {H}×{W}, {shown};"
                     f" values {maps.min():.2f} … {maps.max():.2f}, {100 * zero:.0f}% ≤ 0")
        lines.append("<small>bright = large; 'each map' stretches each map's own range, "
                     "'whole layer' shares one (dim maps are quiet channels)</small>")
        return "<br>".join(lines)

    def _on_change(self, change) -> None:
        self.update()


def show_feature_maps(model, images, labels=None, *, setup: str | None = None, controls=None,
                      presenter: bool = False, **settings) -> FeatureMapExplorer | None:
    """Build and display the explorer; returns it, or None under nbgrader (no widgets there).

    model: a trained nn.Module with nn.Conv2d layers. images: what it was trained on, (N, 1, 28, 28)
    float tensor, or (N, 28, 28) uint8 (scaled by 1/255). labels: (N,) class numbers, optional.
    settings: class_names, max_channels (default 32), index, layer, scale ('each map' / 'whole layer').
    setup, controls, presenter: see `dlcourse.viz.explorer` (a setup holds the settings, not the model or
    the images; its controls: image, layer, scale).
    """
    return launch(lambda: FeatureMapExplorer(model, images, labels, **settings), setup=setup, controls=controls,
                  presenter=presenter)
