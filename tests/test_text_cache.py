"""The text cache of dlcourse.viz.artists: faster labels, and the same pixels as matplotlib's own."""

import numpy as np
import pytest

from dlcourse.viz.artists import cached_text_class, glyph_renderer_class

LABELS = [
    "z = 0.523", "∂E/∂θ = −0.0123", "h1", "θ' = 0.198 (lower)",
    "office fluff",  # ligatures: fewer glyphs than characters, laid out again
    "x ← 中",  # a character DejaVu Sans lacks: drawn by the fallback path
    r"$\alpha^2 + \beta_1$",  # mathtext
]


def _draw(renderer_class, text_kwargs):
    """The labels drawn straight onto a renderer (no canvas, so no backend is chosen)."""
    from matplotlib.figure import Figure
    from matplotlib.text import Text

    fig = Figure(figsize=(4, 1.2), dpi=100)
    renderer = renderer_class(400, 120, 100)
    for i, (label, kwargs) in enumerate(text_kwargs):
        text = Text(0.5, (i + 0.5) / len(text_kwargs), label, ha="center", va="center", **kwargs)
        text.set_figure(fig)
        text.set_transform(fig.transFigure)
        text.draw(renderer)
    return np.asarray(renderer.buffer_rgba()).astype(int)


@pytest.mark.filterwarnings("ignore:Glyph")
@pytest.mark.parametrize("style", [{"fontsize": 8.5}, {"fontsize": 11, "fontweight": "bold", "color": "#0072B2"},
                                   {"fontsize": 9, "rotation": 30}])
def test_the_glyph_renderer_paints_what_matplotlib_paints(style):
    from matplotlib.backends.backend_agg import RendererAgg

    texts = [(label, style) for label in LABELS[:4]]
    reference = _draw(RendererAgg, texts)
    assert reference[..., 3].any()
    first = _draw(glyph_renderer_class(), texts)  # glyphs rasterised and kept
    again = _draw(glyph_renderer_class(), texts)  # glyphs from the cache
    assert np.array_equal(first, reference) and np.array_equal(again, reference)


@pytest.mark.filterwarnings("ignore:Glyph")
@pytest.mark.parametrize("label", LABELS[4:])
def test_labels_the_shortcut_cannot_take_are_laid_out_as_usual(label):
    from matplotlib.backends.backend_agg import RendererAgg

    texts = [(label, {"fontsize": 10})]
    assert np.array_equal(_draw(glyph_renderer_class(), texts), _draw(RendererAgg, texts))


@pytest.mark.filterwarnings("ignore:Glyph")
def test_a_cached_label_is_cut_out_whole_and_leaves_the_scratch_canvas_clean():
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(4, 1.2), dpi=100)
    renderer = RendererAgg(400, 120, 100)
    CachedText = cached_text_class()
    for label in LABELS:
        text = CachedText(0.5, 0.5, label, ha="center", va="center", fontsize=12, transform=fig.transFigure)
        text.set_figure(fig)
        x0, y0, image = text._render(renderer)
        assert image[..., 3].any(), label
        (scratch,) = CachedText._scratch.values()
        blank = np.asarray(RendererAgg(400, 120, 100).buffer_rgba())
        assert np.array_equal(np.asarray(scratch.buffer_rgba()), blank), f"{label!r} left pixels outside its cut-out"


def test_a_label_measured_at_one_size_and_drawn_at_another_is_laid_out_again():
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    pictures = []
    for renderer_class in (glyph_renderer_class(), RendererAgg):
        renderer = renderer_class(200, 60, 100)
        renderer.get_text_width_height_descent("0.523", FontProperties(size=8), False)
        renderer.draw_text(renderer.new_gc(), 20, 40, "0.523", FontProperties(size=20), 0)
        pictures.append(np.asarray(renderer.buffer_rgba()).astype(int))
    assert pictures[0][..., 3].any() and np.array_equal(*pictures)
