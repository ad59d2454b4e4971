"""The course's colours, and the checks that keep every figure readable by everyone.

The series colours are Okabe and Ito's palette ("Color Universal Design", 2002), chosen so the
common colour-vision deficiencies (about 1 man in 12) still tell them apart; matplotlib's default
"tab:red" and "tab:green" look alike to a deuteranope. Two checks, used by the accessibility
tests and `benchmarks/accessibility_audit.py`:

- `contrast_ratio`: WCAG 2.1's ratio of two colours' luminances; text needs 4.5:1 (AA), or 3:1
  when large (18 pt, or 14 pt bold).
- `simulate`: how a colour looks with protanopia, deuteranopia or tritanopia (Machado, Oliveira
  and Fernandes, 2009, severity 1), and `distance`, the CIE76 colour difference ΔE in Lab (about
  2.3 is just noticeable; lines in a plot want 15 or more).
"""

from __future__ import annotations

import numpy as np

# Okabe–Ito. The names say the hue; "green" is their bluish green, "red" their vermillion.
BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
RED = "#D55E00"
SKY = "#56B4E9"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"
BLACK = "#000000"
SERIES = (BLUE, ORANGE, GREEN, RED, SKY, PURPLE, BLACK)

# Machado et al. (2009), severity 1.0, applied to linear RGB.
DEFICIENCIES = {
    "protanopia": np.array([[0.152286, 1.052583, -0.204868],
                            [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968],
                              [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779],
                            [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}


def rgb(color) -> np.ndarray:
    """Any matplotlib colour (name, hex, tuple) as sRGB in [0, 1], shape (3,)."""
    from matplotlib.colors import to_rgb

    return np.array(to_rgb(color))


def _linear(srgb: np.ndarray) -> np.ndarray:
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def _encoded(linear: np.ndarray) -> np.ndarray:
    linear = np.clip(linear, 0.0, 1.0)
    return np.where(linear <= 0.0031308, 12.92 * linear, 1.055 * linear ** (1 / 2.4) - 0.055)


def relative_luminance(color) -> float:
    """WCAG's relative luminance of a colour, 0 (black) to 1 (white)."""
    return float(_linear(rgb(color)) @ np.array([0.2126, 0.7152, 0.0722]))


def contrast_ratio(foreground, background) -> float:
    """WCAG 2.1 contrast ratio, 1 (none) to 21 (black on white)."""
    high, low = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def simulate(pixels, deficiency: str) -> np.ndarray:
    """sRGB pixels (..., 3) in [0, 1] as seen with `deficiency` (a key of DEFICIENCIES)."""
    pixels = np.asarray(pixels, dtype=float)
    return _encoded(_linear(pixels) @ DEFICIENCIES[deficiency].T)


def _lab(srgb: np.ndarray) -> np.ndarray:
    xyz = _linear(srgb) @ np.array([[0.4124, 0.3576, 0.1805],
                                    [0.2126, 0.7152, 0.0722],
                                    [0.0193, 0.1192, 0.9505]]).T
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], axis=-1)


def distance(a, b, deficiency: str | None = None) -> float:
    """CIE76 ΔE between two colours, as seen with normal vision or with `deficiency`."""
    a, b = rgb(a), rgb(b)
    if deficiency is not None:
        a, b = simulate(a, deficiency), simulate(b, deficiency)
    return float(np.linalg.norm(_lab(a) - _lab(b)))


def worst_distance(a, b) -> tuple[float, str]:
    """The smallest ΔE between two colours over the three deficiencies, and which one it is."""
    return min((distance(a, b, kind), kind) for kind in DEFICIENCIES)


def text_color(color, background="white", minimum: float = 4.5):
    """`color`, darkened just enough to be read as text on `background` (WCAG AA), as hex."""
    from matplotlib.colors import to_hex

    shade = rgb(color)
    while contrast_ratio(shade, background) < minimum and shade.max() > 0:
        shade = shade * 0.95
    return to_hex(shade)


# -- auditing a figure ---------------------------------------------------------------------------

AA_TEXT, AA_LARGE_TEXT = 4.5, 3.0
SAME_LOOK_DELTA_E = 15.0  # two series told apart by colour alone must stay this far apart


def _is_large(text) -> bool:
    weight = text.get_fontweight()
    bold = weight in ("bold", "heavy", "black", "semibold", "demibold") or (isinstance(weight, int) and weight >= 600)
    return text.get_fontsize() >= 18 or (bold and text.get_fontsize() >= 14)


def _drawn_texts(artist) -> list:
    """The texts a draw of `artist` shows: visible, non-empty, under visible parents (an axes with
    its axis turned off keeps its tick labels, undrawn)."""
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis
    from matplotlib.text import Text

    if not artist.get_visible():
        return []
    if isinstance(artist, Text):
        return [artist] if str(artist.get_text()).strip() else []
    children = artist.get_children()
    if isinstance(artist, Axes) and not artist.axison:
        children = [child for child in children if not isinstance(child, Axis)]
    return [text for child in children for text in _drawn_texts(child)]


def text_contrasts(fig) -> list[tuple[str, float, float]]:
    """(text, contrast ratio, the ratio it needs) for every visible text in `fig`.

    The background is measured, not assumed: the figure is drawn once without its texts and the
    median colour under each text's box is taken (so white labels on a dark image cell count).
    """
    texts = _drawn_texts(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in texts]
    hidden = [(t, t.get_alpha()) for t in texts]
    animated = [a for a in fig.findobj() if a.get_animated()]
    for artist in animated:
        artist.set_animated(False)
    for t, _ in hidden:
        t.set_alpha(0.0)
    try:
        fig.canvas.draw()
        pixels = np.asarray(fig.canvas.buffer_rgba())[..., :3] / 255.0
    finally:
        for t, alpha in hidden:
            t.set_alpha(alpha)
        for artist in animated:
            artist.set_animated(True)
    height = pixels.shape[0]
    found = []
    for text, box in zip(texts, boxes):
        x0, x1 = int(max(box.x0, 0)), int(min(box.x1, pixels.shape[1]))
        y0, y1 = int(max(height - box.y1, 0)), int(min(height - box.y0, height))
        if x1 <= x0 or y1 <= y0:
            continue  # outside the canvas (a clipped label)
        background = np.median(pixels[y0:y1, x0:x1].reshape(-1, 3), axis=0)
        needed = AA_LARGE_TEXT if _is_large(text) else AA_TEXT
        found.append((str(text.get_text()), contrast_ratio(text.get_color(), background), needed))
    return found


def _series(ax) -> list:
    """An axes' lines and scatter sets that hold data: the things a legend tells apart."""
    from matplotlib.collections import PathCollection
    from matplotlib.lines import Line2D

    found = []
    for artist in ax.get_children():
        if not artist.get_visible():
            continue
        if isinstance(artist, Line2D) and len(artist.get_xdata()) > 0:
            found.append((artist, artist.get_color(), (artist.get_linestyle(), artist.get_marker())))
        elif isinstance(artist, PathCollection) and len(artist.get_offsets()) > 0:
            colors = artist.get_facecolors()
            if len(colors) == 1:  # one colour for the set; colour-mapped sets are checked as images
                found.append((artist, colors[0][:3], ("scatter", id(artist.get_paths()[0]) if artist.get_paths() else 0)))
    return found


def colour_only_pairs(fig) -> list[tuple[str, str, str, float]]:
    """Pairs of series in one axes that look the same but for colour and whose colours a
    colour-vision deficiency makes alike: (colour, colour, deficiency, ΔE) for each."""
    found = []
    for ax in fig.axes:
        series = _series(ax)
        for i, (_, color_a, look_a) in enumerate(series):
            for _, color_b, look_b in series[i + 1:]:
                if look_a != look_b or distance(color_a, color_b) < 2 * SAME_LOOK_DELTA_E:
                    continue  # told apart by shape, or not meant to differ by colour
                worst, kind = worst_distance(color_a, color_b)
                if worst < SAME_LOOK_DELTA_E:
                    from matplotlib.colors import to_hex

                    found.append((to_hex(color_a), to_hex(color_b), kind, round(worst, 1)))
    return sorted(set(found))
