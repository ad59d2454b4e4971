"""Confusion-matrix explorer (week 8): which classes a classifier mixes up, and the images it missed.

The confusion matrix counts, for every true class (row) and predicted class (column), how many
images went there: the diagonal holds the correct ones. Clicking a cell (or choosing a true and a
predicted class) shows up to 12 of its images, with the predicted class's probability when the
probabilities are given, most confident first. The readout gives each class's accuracy (its
diagonal cell over its row) and the most confused pairs.

`ConfusionModel` holds the labels and predictions; its counts come from torch.bincount, not from
numpy code (the library holds no solution of week 8's exercises). `ConfusionExplorer` is the thin
view.
"""

from __future__ import annotations

import numpy as np

from dlcourse.fashion_mnist import CLASSES
from dlcourse.viz.explorer import Explorer, launch, live_readout
from dlcourse.viz.palette import ORANGE

SHOWN = 12  # images shown for a cell
GRID = (3, 4)  # their rows and columns


class ConfusionModel:
    """True and predicted classes (and optional probabilities): counts, accuracies, cells' members."""

    def __init__(self, y_true, y_pred, n_classes: int = len(CLASSES), probabilities=None) -> None:
        self.y_true = self._classes(y_true, "y_true", n_classes)
        self.y_pred = self._classes(y_pred, "y_pred", n_classes)
        if self.y_true.shape != self.y_pred.shape:
            raise ValueError(f"y_true has {len(self.y_true)} labels but y_pred has {len(self.y_pred)}")
        self.n_classes = int(n_classes)
        self.probabilities = None
        if probabilities is not None:
            p = np.asarray(probabilities.detach().cpu() if hasattr(probabilities, "detach") else probabilities,
                           dtype=np.float64)
            if p.shape != (len(self.y_true), n_classes):
                raise ValueError(f"probabilities have shape {p.shape}, expected ({len(self.y_true)}, {n_classes})")
            self.probabilities = p
        self.matrix = self._count()

    @staticmethod
    def _classes(values, name: str, n_classes: int) -> np.ndarray:
        if hasattr(values, "detach"):
            values = values.detach().cpu().numpy()
        array = np.asarray(values)
        if array.ndim != 1:
            raise ValueError(f"{name} has shape {array.shape}, expected (N,) class numbers")
        if array.size and (not np.all(array == np.round(array)) or array.min() < 0 or array.max() >= n_classes):
            raise ValueError(f"{name} holds values outside the class numbers 0..{n_classes - 1}")
        return array.astype(np.int64)

    def _count(self) -> np.ndarray:
        """(n_classes, n_classes) int64: [t, p] = how many images of true class t were predicted p."""
        import torch

        n = self.n_classes
        pairs = torch.from_numpy(self.y_true * n + self.y_pred)
        return torch.bincount(pairs, minlength=n * n).reshape(n, n).numpy()

    def accuracy(self) -> float:
        return float(np.trace(self.matrix) / max(1, self.matrix.sum()))

    def per_class_accuracy(self) -> np.ndarray:
        """(n_classes,): the diagonal over each row's total (recall); nan for a class with no images."""
        totals = self.matrix.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(totals > 0, np.diag(self.matrix) / totals, np.nan)

    def most_confused(self, k: int = 5) -> list[tuple[int, int, int]]:
        """Up to k (true, predicted, count) off the diagonal with count > 0, largest first."""
        off = self.matrix.copy()
        np.fill_diagonal(off, 0)
        order = np.argsort(-off, axis=None, kind="stable")[:k]
        return [(int(t), int(p), int(off[t, p])) for t, p in zip(*np.unravel_index(order, off.shape)) if off[t, p]]

    def default_cell(self) -> tuple[int, int]:
        """The most confused pair, or (0, 0) when nothing is confused."""
        pairs = self.most_confused(1)
        return pairs[0][:2] if pairs else (0, 0)

    def cell_indices(self, true: int, pred: int) -> np.ndarray:
        """Indices (in data order) of the images of true class `true` predicted as `pred`."""
        return np.flatnonzero((self.y_true == true) & (self.y_pred == pred))

    def examples(self, true: int, pred: int, limit: int = SHOWN) -> np.ndarray:
        """Up to `limit` of the cell's indices: with probabilities, the most confident predictions first."""
        indices = self.cell_indices(true, pred)
        if self.probabilities is not None:
            confidence = self.probabilities[indices, pred]
            indices = indices[np.argsort(-confidence, kind="stable")]
        return indices[:limit]

    def confidence(self, index: int) -> float | None:
        """The probability the model gave its predicted class for image `index`, if known."""
        if self.probabilities is None:
            return None
        return float(self.probabilities[index, self.y_pred[index]])


class ConfusionExplorer(Explorer):
    """The widget view: the matrix (click a cell), two class menus, the cell's images.

    A click selects the cell through the two menus, so they alone are the setup; the labels,
    predictions and images come from the caller.
    """

    name = "confusion"
    description = ("Left: the confusion matrix, true classes in rows and predicted classes in columns, each cell "
                   "giving how many images went there, with the chosen cell outlined. Right: up to 12 of the "
                   "chosen cell's images, each with the probability the model gave its prediction when known.")
    PRESENTER_MARKS = 1.3  # its figure cannot grow under its tall panel: its text does
    # Class numbers of Fashion-MNIST (0 T-shirt/top, 2 Pullover, 4 Coat, 6 Shirt): the lecture's typical mistakes.
    SETUPS = {
        "shirts taken for T-shirts": "true=6&predicted=0",
        "pullovers taken for coats": "true=2&predicted=4",
        "coats taken for pullovers": "true=4&predicted=2",
        "shirts recognised": "true=6&predicted=6",
    }

    def __init__(self, y_true, y_pred, images, class_names=CLASSES, probabilities=None) -> None:
        import ipywidgets as widgets
        import matplotlib
        from matplotlib.colors import PowerNorm
        from matplotlib.patches import Rectangle

        from dlcourse.viz.convolution_model import as_grey_images
        from dlcourse.viz.figure import Blitter, interactive_figure

        self.class_names = tuple(class_names)
        model = self.model = ConfusionModel(y_true, y_pred, len(self.class_names), probabilities)
        self.images = as_grey_images(images)
        if len(self.images) != len(model.y_true):
            raise ValueError(f"{len(self.images)} images for {len(model.y_true)} labels")
        true, pred = model.default_cell()
        options = [(name, k) for k, name in enumerate(self.class_names)]
        wide = {"description_width": "110px"}
        self.true_menu = widgets.Dropdown(options=options, value=true, description="true class",
                                          style=wide, layout=widgets.Layout(width="280px"))
        self.pred_menu = widgets.Dropdown(options=options, value=pred, description="predicted class",
                                          style=wide, layout=widgets.Layout(width="280px"))
        for menu in (self.true_menu, self.pred_menu):
            menu.observe(self._on_menu, names="value")
        self.selection = widgets.HTML()
        self.readout = live_readout()

        n = model.n_classes
        self.fig = interactive_figure(9.6, 4.8)
        ax = self.ax_matrix = self.fig.add_axes((0.135, 0.21, 0.4, 0.71))
        high = max(1, int(model.matrix.max()))
        # a square-root colour scale: the few mistakes stay visible beside the big diagonal
        ax.imshow(model.matrix, cmap="Blues", norm=PowerNorm(0.5, vmin=0, vmax=high), interpolation="nearest")
        for (t, p), count in np.ndenumerate(model.matrix):
            ax.text(p, t, str(count), ha="center", va="center", fontsize=7 if count < 1000 else 6,
                    color="white" if count > 0.45 * high else "black")
        ax.set_xticks(range(n), self.class_names, rotation=45, ha="right", rotation_mode="anchor", fontsize=8)
        ax.set_yticks(range(n), self.class_names, fontsize=8)
        ax.set_xlabel("predicted class", fontsize=9)
        ax.set_ylabel("true class", fontsize=9)
        ax.set_title(f"confusion matrix, accuracy {100 * model.accuracy():.1f}% (click a cell)", fontsize=9)
        self.cell_box = ax.add_patch(Rectangle((0, 0), 1, 1, fill=False, lw=2.5, color=ORANGE))
        self.fig.canvas.mpl_connect("button_press_event", self._on_click)
        self.colormap = matplotlib.colormaps["gray"]

        rows, cols = GRID
        spec = self.fig.add_gridspec(rows, cols, left=0.6, right=0.99, bottom=0.03, top=0.8,
                                     wspace=0.1, hspace=0.3)
        self.example_axes, self.example_images = [], []
        for k in range(rows * cols):
            example = self.fig.add_subplot(spec[k // cols, k % cols])
            example.set_axis_off()
            example.title.set_fontsize(7.5)
            self.example_images.append(example.imshow(np.zeros((2, 2, 4), dtype=np.uint8), extent=(0, 1, 1, 0),
                                                      interpolation="nearest"))
            self.example_axes.append(example)
        self.header = self.fig.text(0.795, 0.965, "", ha="center", va="top", fontsize=9)
        self.blitter = Blitter(self.fig, [self.cell_box, self.header, *self.example_images,
                                          *(example.title for example in self.example_axes)])
        self.update()
        menus = widgets.VBox([self.true_menu, self.pred_menu, self.selection],
                             layout=widgets.Layout(flex="0 0 auto", width="300px"))
        self._finish([menus, self.readout], {"true": self.true_menu, "predicted": self.pred_menu}, panel="top")

    @property
    def cell(self) -> tuple[int, int]:
        return self.true_menu.value, self.pred_menu.value

    def update(self) -> None:
        model = self.model
        true, pred = self.cell
        self.cell_box.set_xy((pred - 0.5, true - 0.5))
        shown = model.examples(true, pred)
        for k, (example, artist) in enumerate(zip(self.example_axes, self.example_images)):
            if k < len(shown):
                index = int(shown[k])
                artist.set_data(self._grey(self.images[index]))
                artist.set_visible(True)
                confidence = model.confidence(index)
                example.set_title(f"#{index}" + (f"\np={confidence:.2f}" if confidence is not None else ""),
                                  fontsize=7.5 * self.marks, linespacing=1.1)
            else:
                artist.set_visible(False)
                example.title.set_text("")
        count = int(model.matrix[true, pred])
        what = (f"correct {self.class_names[true]}" if true == pred
                else f"true {self.class_names[true]} → predicted {self.class_names[pred]}")
        more = f", showing {len(shown)}" if count > len(shown) else ""
        self.header.set_text(f"{what}\n{count} image{'s' * (count != 1)}{more}")
        self.selection.value = self._selection_text(true, pred, count, len(shown))
        self.readout.value = self._readout()
        self.blitter.redraw()

    def _grey(self, image: np.ndarray) -> np.ndarray:
        """The image as grey RGBA bytes, black at min(0, its min), white at max(1, its max): matplotlib
        then only resizes it, several times faster than colouring floats in every draw."""
        low, high = min(0.0, float(image.min())), max(1.0, float(image.max()))
        return self.colormap((image - low) / (high - low), bytes=True)

    def _selection_text(self, true: int, pred: int, count: int, shown: int) -> str:
        names = self.class_names
        if count == 0:
            return f"no image of {names[true]} was predicted {names[pred]}"
        order = " (most confident first)" if self.model.probabilities is not None else ""
        kind = "correct" if true == pred else "mistakes"
        return (f"<b>{count}</b> {kind}: true <b>{names[true]}</b>, predicted <b>{names[pred]}</b>;"
                f" showing {shown}{order}")

    def _readout(self) -> str:
        model, names = self.model, self.class_names
        accuracy = model.per_class_accuracy()
        totals = model.matrix.sum(axis=1)
        rows = "".join(f"<tr><td>{names[k]}</td><td style='text-align:right'>{model.matrix[k, k]}/{totals[k]}</td>"
                       f"<td style='text-align:right'>{'–' if np.isnan(a) else f'{100 * a:.0f}%'}</td></tr>"
                       for k, a in enumerate(accuracy))
        confused = "".join(f"<li>{names[t]} → {names[p]}: {c}</li>" for t, p, c in model.most_confused(5))
        confused = f"<ol style='margin:0;padding-left:18px'>{confused}</ol>" if confused else "none"
        return (f"<div style='display:flex;gap:18px;font-size:90%'>"
                f"<div><b>per-class accuracy</b> (overall {100 * model.accuracy():.1f}%)"
                f"<table style='line-height:1.1'>{rows}</table></div>"
                f"<div><b>most confused</b> (true → predicted: count){confused}</div></div>")

    # -- controls -------------------------------------------------------------------------------
    def select(self, true: int, pred: int) -> None:
        """Show cell (true, pred): the menus follow, one redraw."""
        with self.quietly():
            self.true_menu.value = int(true)
            self.pred_menu.value = int(pred)
        self.update()

    def _on_menu(self, change) -> None:
        if not self.quiet:
            self.update()

    def _on_click(self, event) -> None:
        """A click on the matrix selects the cell under it."""
        if event.inaxes is not self.ax_matrix or event.xdata is None:
            return
        pred, true = int(round(event.xdata)), int(round(event.ydata))
        if 0 <= true < self.model.n_classes and 0 <= pred < self.model.n_classes:
            self.select(true, pred)


def show_confusion(y_true, y_pred, images, class_names=CLASSES, probabilities=None, *,
                   setup: str | None = None, controls=None,
                   presenter: bool = False) -> ConfusionExplorer | None:
    """Build and display the explorer; returns it, or None under nbgrader (no widgets there).

    y_true, y_pred: (N,) class numbers (numpy or torch). images: the N images, (N, 28, 28) uint8
    or (N, 1, 28, 28) float. probabilities: (N, n_classes), e.g. softmax of the logits, optional.
    setup, controls, presenter: see `dlcourse.viz.explorer` (a setup holds the chosen cell, true and
    predicted class numbers, not the data; its controls: true, predicted).
    """
    return launch(lambda: ConfusionExplorer(y_true, y_pred, images, class_names, probabilities), setup=setup,
                  controls=controls, presenter=presenter)


# The name in notebooks released before December 2026 (students' copies keep working).
show_confusion_explorer = show_confusion
