"""Convolution explorer (week 8): a 3x3 kernel sliding over an image, its dot products, ReLU, max-pool.

A convolution layer (really a cross-correlation) slides a k x k kernel over the zero-padded
image in steps of `stride`; each output cell is the dot product of the kernel with the window
under it. The output has floor((H + 2p − k) / s) + 1 rows (likewise columns). Panels, left to
right: the padded input with the current window, the output feature map with the cell that window
makes, the map after ReLU, and after a 2x2 max-pool (stride 2). The readout writes the window's
nine products out and the output-size formula with the current numbers.

`ConvolutionModel` is the state (image, kernel, stride, padding, window position) and what to
draw. The maps come from torch.nn.functional (pad, conv2d, relu, max_pool2d) in float64, and the
output size from torch's output shape: the library holds no solution of week 8's exercises. The
one window's dot product is written out term by term, so it can be checked by hand, and equals
its cell. Given a notebook namespace, it also runs the student's `conv2d_naive` on the current settings and
says whether it matches torch. `ConvolutionExplorer` is the thin view.

This file is the view; the model is `dlcourse/viz/convolution_model.py`.
"""

from __future__ import annotations

import html
from typing import Callable

import numpy as np

from dlcourse.viz.convolution_model import (
    CUSTOM,
    KERNEL,
    PADDINGS,
    POOL,
    PRESETS,
    STRIDES,
    ConvolutionModel,
    short_number,
    with_minus_signs,
)
from dlcourse.viz.explorer import Explorer, launch, live_readout
from dlcourse.viz.palette import ORANGE, SKY


def _weights_text(kernel: np.ndarray) -> str:
    """The nine weights, row by row, exactly and short: -1,0,1,-2,0,2,-1,0,1."""
    texts = (repr(float(value)) for value in kernel.ravel())
    return ",".join(text[:-2] if text.endswith(".0") else text for text in texts)


class ConvolutionExplorer(Explorer):
    """The widget view: image, kernel (nine boxes and presets), stride, padding, window position.

    Its setup holds the control values; a custom kernel's nine numbers are the extra `weights`
    (empty for a preset, which the `kernel` menu names). The images come from the caller.
    """

    name = "convolution"
    description = ("Four panels: the zero-padded input image with the 3 by 3 window the kernel covers, the "
                   "output feature map with the cell this window makes, the map after ReLU, and the map after a "
                   "2 by 2 max-pool. The readout writes out the window's nine products and the output-size "
                   "formula.")
    SETUPS = {
        "identity, padding 1 keeps the size": "kernel=identity&stride=1&padding=1",
        "Gaussian blur": "kernel=Gaussian blur&stride=1&padding=1",
        "Sobel x finds vertical edges": "kernel=Sobel x&stride=1&padding=1",
        "stride 2 halves the output": "kernel=Sobel x&stride=2&padding=1",
    }

    def __init__(self, images=None, labels=None, *, conv2d_naive: Callable | None = None, **settings) -> None:
        import ipywidgets as widgets
        from matplotlib.patches import Rectangle

        from dlcourse.viz.figure import Blitter, interactive_figure

        model = self.model = ConvolutionModel(images, labels, conv2d_naive=conv2d_naive, **settings)
        narrow = {"description_width": "70px"}
        self.image_slider = widgets.IntSlider(value=model.index, min=0, max=len(model.images) - 1,
                                              description="image", style=narrow, layout=widgets.Layout(width="290px"))
        self.preset_menu = widgets.Dropdown(options=[*PRESETS, CUSTOM], value=model.preset, description="kernel",
                                            style=narrow, layout=widgets.Layout(width="290px"))
        self.stride_slider = widgets.IntSlider(value=model.stride, min=STRIDES[0], max=STRIDES[1],
                                               description="stride s", style=narrow,
                                               layout=widgets.Layout(width="290px"))
        self.padding_slider = widgets.IntSlider(value=model.padding, min=PADDINGS[0], max=PADDINGS[1],
                                                description="padding p", style=narrow,
                                                layout=widgets.Layout(width="290px"))
        positions = int(np.prod(model.output_shape()))
        self.position_slider = widgets.IntSlider(value=model.position, min=0, max=positions - 1,
                                                 description="window", style=narrow,
                                                 layout=widgets.Layout(width="290px"))
        self.play = widgets.Play(value=model.position, min=0, max=positions - 1, interval=300,
                                 layout=widgets.Layout(width="150px"))
        self._link = widgets.jslink((self.play, "value"), (self.position_slider, "value"))
        self.kernel_boxes = [widgets.FloatText(value=float(v), step=0.1, layout=widgets.Layout(width="64px"))
                             for v in model.kernel.ravel()]
        for control in (self.image_slider, self.preset_menu, self.stride_slider, self.padding_slider,
                        self.position_slider, *self.kernel_boxes):
            control.observe(self._on_change, names="value")
        self.readout = live_readout()

        self.fig = interactive_figure(9.6, 2.6)
        self.fig.subplots_adjust(left=0.01, right=0.99, bottom=0.02, top=0.88, wspace=0.3)
        self.ax_in, self.ax_out, self.ax_relu, self.ax_pool = axes = self.fig.subplots(1, 4)
        H, W = model.image().shape
        top = PADDINGS[1]  # limits fixed at the largest padding: the input keeps its scale
        for ax in axes:
            ax.set_xticks([])
            ax.set_yticks([])
            ax.title.set_fontsize(9)
        self.ax_in.set_facecolor("#d8d8d8")
        self.ax_in.set_xlim(-top - 0.5, W + top - 0.5)
        self.ax_in.set_ylim(H + top - 0.5, -top - 0.5)
        self.input_image = self.ax_in.imshow(model.maps().padded, cmap="gray", vmin=0, vmax=1,
                                             interpolation="nearest")
        self.image_border = self.ax_in.add_patch(Rectangle((-0.5, -0.5), W, H, fill=False, ls=":", lw=1.2,
                                                           color=SKY))
        self.window_box = self.ax_in.add_patch(Rectangle((0, 0), KERNEL, KERNEL, fill=False, lw=2,
                                                         color=ORANGE))
        unit = {"extent": (0, 1, 1, 0), "interpolation": "nearest"}  # any map shape fills the box
        self.output_image = self.ax_out.imshow(model.maps().output, cmap="RdBu_r", **unit)
        self.relu_image = self.ax_relu.imshow(model.maps().relu, cmap="magma", **unit)
        self.pool_image = self.ax_pool.imshow(np.zeros((1, 1)), cmap="magma", **unit)
        self.cell_boxes = [ax.add_patch(Rectangle((0, 0), 0, 0, fill=False, lw=2, color=colour))
                           for ax, colour in ((self.ax_out, ORANGE), (self.ax_relu, SKY),
                                              (self.ax_pool, SKY))]
        for ax in axes[1:]:
            ax.set_xlim(0, 1)
            ax.set_ylim(1, 0)
        for x in (0.255, 0.5, 0.745):
            self.fig.text(x, 0.45, "→", ha="center", va="center", fontsize=16)
        # titles change only with stride or padding: they are drawn in full redraws, not blitted
        self.blitter = Blitter(self.fig, [self.image_border, self.window_box, *self.cell_boxes],
                               layer=[self.input_image, self.output_image, self.relu_image, self.pool_image])
        self._maps_shown = None
        self._titles_for = None
        self.update()

        kernel_grid = widgets.GridBox(self.kernel_boxes, layout=widgets.Layout(
            grid_template_columns="repeat(3, 68px)", width="215px"))
        left = widgets.VBox([self.image_slider, self.preset_menu, self.stride_slider, self.padding_slider,
                             widgets.HBox([self.position_slider]), self.play],
                            layout=widgets.Layout(flex="0 0 auto", width="300px"))
        self.kernel_editor = widgets.VBox([widgets.HTML("<b>kernel w</b> (edit a number)"), kernel_grid],
                                          layout=widgets.Layout(flex="0 0 auto", width="225px"))
        right = widgets.VBox([self.readout], layout=widgets.Layout(flex="1 1 380px"))
        # The Play only moves the window slider (jslink), so the slider alone is state. The kernel
        # editor is listed with the actions so that `controls=` can hide it; its numbers are `weights`.
        self._finish([left, self.kernel_editor, right],
                     {"image": self.image_slider, "kernel": self.preset_menu, "stride": self.stride_slider,
                      "padding": self.padding_slider, "position": self.position_slider},
                     actions={"play": self.play, "weights": self.kernel_editor}, panel="top")

    # -- drawing ------------------------------------------------------------------------------
    def update(self) -> None:
        model = self.model
        maps = model.maps()
        p = model.padding
        H, W = maps.padded.shape
        self.input_image.set_data(maps.padded)
        self.input_image.set_clim(min(0.0, float(maps.padded.min())), max(1.0, float(maps.padded.max())))
        self.input_image.set_extent((-p - 0.5, W - p - 0.5, H - p - 0.5, -p - 0.5))
        top, left = model.window()
        self.window_box.set_xy((left - p - 0.5, top - p - 0.5))
        rows, cols = maps.output.shape
        row, col = model.cell()
        limit = max(float(np.max(np.abs(maps.output))), 1e-9)
        self.output_image.set_data(maps.output)
        self.output_image.set_clim(-limit, limit)
        high = max(float(np.max(maps.relu)), 1e-9)
        self.relu_image.set_data(maps.relu)
        self.relu_image.set_clim(0, high)
        self._place(self.cell_boxes[0], row, col, rows, cols)
        self._place(self.cell_boxes[1], row, col, rows, cols)
        pool = model.pool_cell()
        if maps.pooled.size:
            self.pool_image.set_data(maps.pooled)
            self.pool_image.set_clim(0, high)
            self.pool_image.set_visible(True)
        else:
            self.pool_image.set_visible(False)
        if pool is None:
            self.cell_boxes[2].set_visible(False)
        else:
            self.cell_boxes[2].set_visible(True)
            self._place(self.cell_boxes[2], *pool, *maps.pooled.shape)
        full = (model.stride, p) != self._titles_for
        if full:
            pr, pc = maps.pooled.shape
            self.ax_in.set_title(f"padded input {H}×{W}")
            self.ax_out.set_title(f"conv output {rows}×{cols}")
            self.ax_relu.set_title("ReLU")
            self.ax_pool.set_title(f"{POOL}×{POOL} max-pool {pr}×{pc}")
            self._titles_for = (model.stride, p)
        self.readout.value = self._readout()
        shown = model.maps_key()
        self.blitter.redraw(full=full, layer=shown != self._maps_shown)
        self._maps_shown = shown

    @staticmethod
    def _place(box, row: int, col: int, rows: int, cols: int) -> None:
        box.set_xy((col / cols, row / rows))
        box.set_width(1 / cols)
        box.set_height(1 / rows)

    def _readout(self) -> str:
        model = self.model
        maps = model.maps()
        row, col = model.cell()
        top, left = model.window()
        p, s = model.padding, model.stride
        rows, cols = maps.output.shape
        patch = model.patch()
        cells = "".join("<tr>" + "".join(f"<td style='padding:0 6px'>{with_minus_signs(f'{x:.2f}')}·{short_number(w)}</td>"
                                         for x, w in zip(patch_row, kernel_row)) + "</tr>"
                        for patch_row, kernel_row in zip(patch, model.kernel))
        value = float(maps.output[row, col])
        pool = model.pool_cell()
        pool_text = (f"max-pool cell ({pool[0]}, {pool[1]}) = max of its {POOL}×{POOL} block = "
                     f"{maps.pooled[pool]:.3f}" if pool is not None
                     else "this cell is dropped by the max-pool (odd size)")
        student = model.student_check()
        colour = "green" if student.startswith("conv2d_naive() matches") else "#b00"
        student_line = f"<br><b style='color:{colour}'>{html.escape(student)}</b>" if student else ""
        return (f"<b>{model.label()}</b>, kernel <b>{model.preset}</b>, stride {s}, padding {p}<br>"
                f"output size {model.output_size_text()} → {rows}×{cols};"
                f" after max-pool {maps.pooled.shape[0]}×{maps.pooled.shape[1]}<br>"
                f"window {model.position} → output cell (row {row}, column {col}): input rows"
                f" {with_minus_signs(str(top - p))}…{top - p + KERNEL - 1}, columns {with_minus_signs(str(left - p))}…"
                f"{left - p + KERNEL - 1} (padding counts as 0)"
                f"<table style='font-family:monospace;font-size:90%'>{cells}</table>"
                f"<span style='font-family:monospace;font-size:90%'>{model.dot_product_text()}</span><br>"
                f"conv output cell = {with_minus_signs(f'{value:.3f}')}; ReLU: max(0, {with_minus_signs(f'{value:.3f}')})"
                f" = {max(value, 0.0):.3f}; {pool_text}"
                f"{student_line}")

    # -- controls -------------------------------------------------------------------------------
    def _on_change(self, change) -> None:
        if self.quiet:
            return
        owner = change["owner"]
        if owner is self.preset_menu:
            if change["new"] == CUSTOM:
                return
            self.model.set(kernel=change["new"])
        elif owner in self.kernel_boxes:
            self.model.set(kernel=np.array([box.value for box in self.kernel_boxes]).reshape(KERNEL, KERNEL))
        elif owner is self.image_slider:
            self.model.set(index=change["new"])
        elif owner is self.stride_slider:
            self.model.set(stride=change["new"])
        elif owner is self.padding_slider:
            self.model.set(padding=change["new"])
        elif owner is self.position_slider:
            self.model.set(position=change["new"])
        self._sync_controls()
        self.update()
        self.refresh_setup_box()  # a kernel box may change the kernel without moving a state control

    def _sync_controls(self) -> None:
        """Show the model's state in the controls without running their observers."""
        model = self.model
        with self.quietly():
            for box, value in zip(self.kernel_boxes, model.kernel.ravel()):
                box.value = float(value)
            self.preset_menu.value = model.preset
            last = int(np.prod(model.output_shape())) - 1
            for control in (self.position_slider, self.play):
                if control.max != last:  # set the value first when it shrinks (ipywidgets clamps it)
                    if model.position <= control.max:
                        control.value = model.position
                    control.max = last
                control.value = model.position

    def set(self, **settings) -> None:
        """Change several settings at once (index, kernel, stride, padding, position): one redraw."""
        self.model.set(**settings)
        with self.quietly():
            self.image_slider.value = self.model.index
            self.stride_slider.value = self.model.stride
            self.padding_slider.value = self.model.padding
        self._sync_controls()
        self.update()
        self.refresh_setup_box()

    # -- setups ---------------------------------------------------------------------------------
    def _extra_setup(self) -> dict[str, str]:
        # Always the key (the base accepts only keys it writes); empty when the menu names the kernel.
        custom = self.preset_menu.value == CUSTOM
        return {"weights": _weights_text(self.model.kernel) if custom else ""}

    def _restore_extra(self, values: dict[str, str]) -> None:
        values = dict(values)
        text = values.pop("weights", "")
        super()._restore_extra(values)
        if not text:
            return
        try:
            kernel = np.array([float(part) for part in text.split(",")])
        except ValueError:
            kernel = np.array([])
        if kernel.size != KERNEL * KERNEL or not np.isfinite(kernel).all():
            raise ValueError(f"The setup's weights={text} is not {KERNEL * KERNEL} numbers separated by commas.")
        menu = self.preset_menu.value
        self.model.set(kernel=kernel.reshape(KERNEL, KERNEL))
        self._sync_controls()
        if menu == CUSTOM:  # "custom" with a preset's numbers stays custom, as it was when saved
            with self.quietly():
                self.preset_menu.value = CUSTOM
        self.update()


def show_convolution(images=None, labels=None, namespace: dict | None = None, *,
                     setup: str | None = None, controls=None, presenter: bool = False,
                     **settings) -> ConvolutionExplorer | None:
    """Build and display the explorer; returns it, or None under nbgrader (no widgets there).

    images: (N, 28, 28) uint8 (or any (N, H, W) / (N, C, H, W) array or tensor); by default the
    Fashion-MNIST sample's test images, or three synthetic shapes when the sample is absent.
    labels: (N,) class numbers for the titles. namespace: pass the notebook's `globals()` and the
    readout also checks the notebook's `conv2d_naive` (as it is at each change) against torch.
    settings: index, kernel (a preset name or a 3x3 array), stride, padding, position.
    setup, controls, presenter: see `dlcourse.viz.explorer` (a setup holds the settings, not the images;
    its controls: image, kernel, stride, padding, position, play, weights).
    """
    from dlcourse.viz.binding import late_bound

    student = late_bound(namespace, "conv2d_naive") if namespace is not None else None
    return launch(lambda: ConvolutionExplorer(images, labels, conv2d_naive=student, **settings), setup=setup,
                  controls=controls, presenter=presenter)


# The name in notebooks released before December 2026 (students' copies keep working).
show_convolution_explorer = show_convolution
