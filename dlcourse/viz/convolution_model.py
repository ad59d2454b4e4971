"""The convolution explorer's model (week 8): a kernel slid over an image, the feature map and its pooling.

The view is `dlcourse.viz.convolution`; its docstring says what the picture shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from dlcourse.viz.binding import call_student
from dlcourse.viz.threads import one_torch_thread

KERNEL = 3  # k: the kernel is k x k
POOL = 2  # max-pool window and stride
STRIDES = (1, 3)
PADDINGS = (0, 2)
PRESETS = {
    "identity": np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]], dtype=np.float64),
    "blur (box)": np.full((3, 3), 1 / 9),
    "Gaussian blur": np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]], dtype=np.float64) / 16,
    "Sobel x": np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=np.float64),
    "Sobel y": np.array([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], dtype=np.float64),
    "sharpen": np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], dtype=np.float64),
    "edge (Laplacian)": np.array([[0, -1, 0], [-1, 4, -1], [0, -1, 0]], dtype=np.float64),
}
CUSTOM = "custom"
STUDENT_TOLERANCE = 1e-6  # max |student − torch| that counts as a match


def as_grey_images(images) -> np.ndarray:
    """Images as float64 (N, H, W) for display: uint8 is scaled to [0, 1], other values kept.

    Accepts numpy arrays or torch tensors of shape (H, W), (N, H, W) or (N, C, H, W); several
    channels are averaged.
    """
    if hasattr(images, "detach"):  # a torch tensor, on any device
        images = images.detach().cpu().numpy()
    array = np.asarray(images)
    scale = 255.0 if array.dtype == np.uint8 else 1.0
    array = array.astype(np.float64) / scale
    if array.ndim == 2:
        array = array[None]
    elif array.ndim == 4:
        array = array.mean(axis=1)
    if array.ndim != 3 or 0 in array.shape:
        raise ValueError(f"images have shape {np.shape(images)}; expected (N, H, W), (N, C, H, W) or (H, W)")
    return array


def synthetic_images(size: int = 28) -> np.ndarray:
    """Three grey shapes (square, disc, the letter T), (3, size, size) in [0, 1]: used without data."""
    rows, cols = np.mgrid[0:size, 0:size]
    square = ((rows >= size // 4) & (rows < 3 * size // 4) & (cols >= size // 4) & (cols < 3 * size // 4))
    centre = (size - 1) / 2
    disc = (rows - centre) ** 2 + (cols - centre) ** 2 <= (size / 3) ** 2
    bar = (rows >= size // 5) & (rows < size // 5 + 4) & (cols >= size // 5) & (cols < size - size // 5)
    stem = (rows >= size // 5) & (rows < size - size // 5) & (abs(cols - centre) < 2.5)
    return np.stack([square * 0.9, disc * 0.7 + 0.2 * disc * (cols / size), (bar | stem) * 1.0])


def default_images() -> tuple[np.ndarray, np.ndarray | None, str]:
    """(images, labels, where from): the Fashion-MNIST sample's test images, else synthetic shapes."""
    from dlcourse.fashion_mnist import FashionMNISTUnavailable, load_fashion_mnist_sample

    try:
        data = load_fashion_mnist_sample()
    except FashionMNISTUnavailable as error:
        return synthetic_images(), None, f"synthetic shapes (no Fashion-MNIST sample: {error})"
    return data.X_test, data.y_test, "Fashion-MNIST sample, test images"


def with_minus_signs(text: str) -> str:
    """A number's text with a typographic minus sign."""
    return text.replace("-", "−")


def short_number(value: float) -> str:
    """A kernel weight, short: 1, −2, 0.111, 0.0625; negative ones in brackets."""
    text = with_minus_signs(f"{value:.3g}")
    return f"({text})" if value < 0 else text


@dataclass(frozen=True)
class ConvMaps:
    """What one setting makes: the padded input and the three maps, float64 numpy."""

    padded: np.ndarray  # (H + 2p, W + 2p)
    output: np.ndarray  # (H_out, W_out)
    relu: np.ndarray  # (H_out, W_out)
    pooled: np.ndarray  # (H_out // 2, W_out // 2); (0, 0) when the map is smaller than the pool


class ConvolutionModel:
    """Image, kernel, stride, padding and window position; the maps they make, from torch."""

    def __init__(self, images=None, labels=None, *, index: int = 0, kernel: str | np.ndarray = "identity",
                 stride: int = 1, padding: int = 0, position: int = 0,
                 conv2d_naive: Callable | None = None) -> None:
        if images is None:
            images, labels, self.source = default_images()
        else:
            self.source = "your images"
        self.images = as_grey_images(images)
        if self.images.shape[1] < KERNEL or self.images.shape[2] < KERNEL:
            raise ValueError(f"images are {self.images.shape[1]}x{self.images.shape[2]}, smaller than the kernel")
        self.labels = None if labels is None else np.asarray(labels).astype(int)
        if self.labels is not None and len(self.labels) != len(self.images):
            raise ValueError(f"{len(self.labels)} labels for {len(self.images)} images")
        self.conv2d_naive = conv2d_naive
        self.index, self.stride, self.padding, self.position = 0, 1, 0, 0
        self.preset, self.kernel = "identity", PRESETS["identity"].copy()
        self._maps_for, self._maps = None, None
        self._student_for, self._student = None, ""
        self.set(index=index, kernel=kernel, stride=stride, padding=padding, position=position)

    # -- state ------------------------------------------------------------------------------
    def set(self, *, index: int | None = None, kernel: str | np.ndarray | None = None, stride: int | None = None,
            padding: int | None = None, position: int | None = None) -> None:
        """Change any of the settings. A new stride or padding keeps the window's (row, column),
        moved inside the new output; `position` counts output cells row by row."""
        cell = self.cell() if self._maps is not None else (0, 0)
        if index is not None:
            if not 0 <= index < len(self.images):
                raise ValueError(f"index {index}, expected 0 <= index < {len(self.images)}")
            self.index = int(index)
        if kernel is not None:
            if isinstance(kernel, str):
                if kernel not in PRESETS:
                    raise ValueError(f"kernel preset {kernel!r}, expected one of {list(PRESETS)}")
                self.preset, self.kernel = kernel, PRESETS[kernel].copy()
            else:
                values = np.asarray(kernel, dtype=np.float64)
                if values.shape != (KERNEL, KERNEL):
                    raise ValueError(f"kernel has shape {values.shape}, expected ({KERNEL}, {KERNEL})")
                self.kernel = values.copy()
                self.preset = next((name for name, k in PRESETS.items() if np.array_equal(k, values)), CUSTOM)
        if stride is not None:
            if not STRIDES[0] <= stride <= STRIDES[1]:
                raise ValueError(f"stride {stride}, expected {STRIDES[0]}..{STRIDES[1]}")
            self.stride = int(stride)
        if padding is not None:
            if not PADDINGS[0] <= padding <= PADDINGS[1]:
                raise ValueError(f"padding {padding}, expected {PADDINGS[0]}..{PADDINGS[1]}")
            self.padding = int(padding)
        rows, cols = self.output_shape()
        if position is None:
            position = min(cell[0], rows - 1) * cols + min(cell[1], cols - 1)
        if not 0 <= position < rows * cols:
            raise ValueError(f"window position {position}, expected 0 <= position < {rows * cols}")
        self.position = int(position)

    def image(self) -> np.ndarray:
        return self.images[self.index]

    def label(self) -> str:
        from dlcourse.fashion_mnist import CLASSES

        if self.labels is None:
            return f"image {self.index}"
        label = int(self.labels[self.index])
        name = CLASSES[label] if 0 <= label < len(CLASSES) else f"class {label}"
        return f"image {self.index}: {name}"

    # -- the maps, from torch ---------------------------------------------------------------------
    def maps_key(self) -> tuple:
        """What the maps depend on: equal keys, equal maps."""
        return self.index, self.kernel.tobytes(), self.stride, self.padding

    def maps(self) -> ConvMaps:
        key = self.maps_key()
        if key != self._maps_for:
            import torch
            import torch.nn.functional as F

            x = torch.from_numpy(self.image())[None, None]
            w = torch.from_numpy(self.kernel)[None, None]
            p = self.padding
            with one_torch_thread():
                padded = F.pad(x, (p, p, p, p))
                output = F.conv2d(x, w, stride=self.stride, padding=p)
                relu = F.relu(output)
                if min(relu.shape[-2:]) >= POOL:
                    pooled = F.max_pool2d(relu, POOL, POOL)[0, 0].numpy()
                else:
                    pooled = np.zeros((0, 0))
            self._maps = ConvMaps(padded[0, 0].numpy(), output[0, 0].numpy(), relu[0, 0].numpy(), pooled)
            self._maps_for = key
        return self._maps

    def output_shape(self) -> tuple[int, int]:
        """(H_out, W_out), read off torch's output."""
        return self.maps().output.shape

    def output_size_text(self) -> str:
        """The formula with the current numbers, e.g. ⌊(28 + 2·1 − 3)/1⌋ + 1 = 28 (the result from torch)."""
        H, W = self.image().shape
        rows, cols = self.output_shape()
        p, s = self.padding, self.stride

        def one(size: int, out: int) -> str:
            return f"⌊({size} + 2·{p} − {KERNEL})/{s}⌋ + 1 = {out}"

        if H == W:
            return f"⌊(H + 2p − k)/s⌋ + 1 = {one(H, rows)}"
        return f"rows: {one(H, rows)}; columns: {one(W, cols)}"

    # -- the window ---------------------------------------------------------------------------
    def cell(self, position: int | None = None) -> tuple[int, int]:
        """(row, column) of the output cell a window position makes (positions run row by row)."""
        position = self.position if position is None else position
        return divmod(int(position), self.output_shape()[1])

    def window(self, position: int | None = None) -> tuple[int, int]:
        """(top, left) of the window in padded-image coordinates: (row · s, column · s)."""
        row, col = self.cell(position)
        return row * self.stride, col * self.stride

    def patch(self, position: int | None = None) -> np.ndarray:
        """The k x k numbers under the window (zeros where it covers padding)."""
        top, left = self.window(position)
        return self.maps().padded[top:top + KERNEL, left:left + KERNEL]

    def dot_product(self, position: int | None = None) -> float:
        """Σ window · kernel, the nine products added up: the output cell's value."""
        return float(np.sum(self.patch(position) * self.kernel))

    def dot_product_text(self, position: int | None = None) -> str:
        terms = [f"{x:.2f}·{short_number(w)}" for x, w in zip(self.patch(position).ravel(), self.kernel.ravel())]
        return with_minus_signs(" + ".join(terms) + f" = {self.dot_product(position):.3f}")

    def pool_cell(self, position: int | None = None) -> tuple[int, int] | None:
        """The max-pool cell whose 2x2 block holds the window's output cell (None if dropped)."""
        row, col = self.cell(position)
        pr, pc = row // POOL, col // POOL
        rows, cols = self.maps().pooled.shape
        return (pr, pc) if pr < rows and pc < cols else None

    # -- the student's conv2d_naive ---------------------------------------------------------------
    def student_check(self) -> str:
        """'' without a student function, else whether conv2d_naive matches torch on these settings."""
        if self.conv2d_naive is None:
            return ""
        key = self.maps_key()
        if key != self._student_for:
            self._student = self._check_student()
            self._student_for = key
        return self._student

    def _check_student(self) -> str:
        x = self.image()[None, None].copy()
        w = self.kernel[None, None].copy()
        b = np.zeros(1)
        with one_torch_thread():  # a student's function may use torch too
            got, message = call_student("conv2d_naive", lambda: self.conv2d_naive(
                x, w, b, stride=self.stride, padding=self.padding))
        if message:
            return message
        expected = self.maps().output[None, None]
        try:
            got = np.asarray(got, dtype=np.float64)
        except (TypeError, ValueError) as error:
            return f"conv2d_naive() returned {type(got).__name__}, not an array ({error})"
        if got.shape != expected.shape:
            return (f"conv2d_naive() returned shape {got.shape}; torch's conv2d gives {expected.shape}"
                    f" (stride {self.stride}, padding {self.padding})")
        difference = np.abs(got - expected)
        worst = float(np.nanmax(difference)) if np.isfinite(difference).all() else float("inf")
        if worst <= STUDENT_TOLERANCE:
            return f"conv2d_naive() matches torch's conv2d here (max |difference| {worst:.1e})"
        row, col = np.unravel_index(np.argmax(np.where(np.isfinite(difference), difference, np.inf)),
                                    expected.shape[-2:])
        return (f"conv2d_naive() differs from torch's conv2d: max |difference| {worst:.3g} at output cell"
                f" ({row}, {col}): yours {got[0, 0, row, col]:.4f}, torch {expected[0, 0, row, col]:.4f}")
