"""Matplotlib artists the views share: faster ways to draw what views redraw on every move.

    glyph_renderer_class() an Agg canvas that keeps the glyphs it rasterises
    cached_text_class()   text that keeps its rendered pictures (the backprop stepper's labels)
    PixelPicture          a picture painted pixel for pixel, no resampling (the playground)
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from matplotlib.artist import Artist


@lru_cache(maxsize=None)
def glyph_renderer_class() -> type:
    """The class GlyphRenderer, made on first use (matplotlib is imported only when a view is built)."""
    from matplotlib.backends.backend_agg import RendererAgg, get_hinting_flag
    from matplotlib.ft2font import RenderMode

    class GlyphRenderer(RendererAgg):
        """An Agg canvas that keeps every glyph it rasterises, and remembers where it drew.

        Matplotlib 3.11 rasterises each glyph of a text anew on every draw (about 0.03 ms a
        glyph). FreeType's picture of a glyph depends only on the glyph, the font size and where
        the pen falls inside its pixel (in 64ths), so the picture is kept under those and shifted
        by whole pixels: the same pixels as matplotlib's own drawing, for a fraction of the work.
        `drawn` is the pixel box (x0, y0, x1, y1, y downwards) the text calls covered since the
        last `forget_drawn()`, so the caller can cut out and wipe just that box.
        """

        _glyphs: dict = {}
        _indices: dict = {}
        MAX_GLYPHS = 20_000  # a few hundred bytes each
        drawn = None

        def forget_drawn(self) -> None:
            self.drawn = None

        # A new label is laid out twice by matplotlib: once to measure it (set_text), once to draw
        # it (_layout), about 0.25 ms each. Where measuring gave one glyph per character (no
        # ligature, such as "fi", and no glyph from a fallback font), the pen positions it found
        # are the ones drawing would find, so drawing reuses them; anything else is laid out again.
        def get_text_width_height_descent(self, s, prop, ismath):
            self._measured = None
            if ismath:
                return super().get_text_width_height_descent(s, prop, ismath)
            font = self._prepare_font(prop)
            pens = font.set_text(s, 0.0, flags=get_hinting_flag())
            w, h = font.get_width_height()  # as RendererAgg measures: in 64ths of a pixel
            self._measured = (s, font, prop.get_size_in_points(), pens)  # one font file serves every size
            return w / 64.0, h / 64.0, font.get_descent() / 64.0

        def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
            measured, self._measured = getattr(self, "_measured", None), None
            plain = not ismath and not angle and (mtext is None or (
                mtext.get_fontfeatures() is None and mtext.get_language() is None))
            font = self._prepare_font(prop) if plain else None
            size = prop.get_size_in_points()
            if font is None or measured is None or measured[:3] != (s, font, size):
                return super().draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
            pens = measured[3].reshape(-1, 2) / 64.0
            indices = [self._index(font, c) for c in s]
            if len(pens) != len(s) or not all(indices):
                return super().draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
            self._draw_text_glyphs_and_boxes(
                gc, x, y, angle, ((font, size, i, 0, 1, dx, dy) for i, (dx, dy) in zip(indices, pens)), [])

        def _index(self, font, char: str) -> int:
            key = (font, char)
            index = self._indices.get(key)
            if index is None:
                index = self._indices[key] = font.get_char_index(ord(char))
            return index

        def _draw_text_glyphs_and_boxes(self, gc, x, y, angle, glyphs, boxes):
            glyphs = list(glyphs)
            if angle or boxes or any(slant or extend != 1 for _, _, _, slant, extend, _, _ in glyphs):
                self.drawn = (0, 0, int(self.width), int(self.height))  # mathtext or rotated: not kept
                return super()._draw_text_glyphs_and_boxes(gc, x, y, angle, glyphs, boxes)
            flags, antialiased = get_hinting_flag(), gc.get_antialiased()
            height = int(self.height)
            for font, size, index, _, _, dx, dy in glyphs:
                # The pen in 64ths of a pixel (FreeType's y is upwards), exactly as matplotlib places it.
                pen_x, pen_y = round(0x40 * (x + dx)), round(0x40 * (self.height - y + dy))
                # The font object, not its file: one file opened with another hinting factor is another font.
                key = (font, size, self.dpi, index, pen_x & 63, pen_y & 63, flags, antialiased)
                glyph = self._glyphs.get(key)
                if glyph is None:
                    font.set_size(size, self.dpi)
                    font._set_transform([[0x10000, 0], [0, 0x10000]], [pen_x & 63, pen_y & 63])
                    bitmap = font._render_glyph(index, flags, RenderMode.NORMAL if antialiased else RenderMode.MONO)
                    buffer = bitmap.buffer.copy()
                    if not antialiased:
                        buffer *= 0xFF
                    if len(self._glyphs) >= self.MAX_GLYPHS:
                        self._glyphs.clear()
                    glyph = self._glyphs[key] = (buffer, bitmap.left, bitmap.top)
                buffer, left, top = glyph
                left, top = left + (pen_x >> 6), top + (pen_y >> 6)
                bottom = height - top + buffer.shape[0]  # draw_text_image's y is downwards, the bitmap's bottom
                self._renderer.draw_text_image(buffer, left, bottom, 0, gc)
                box = (left, height - top, left + buffer.shape[1], bottom)
                self.drawn = box if self.drawn is None else (
                    min(self.drawn[0], box[0]), min(self.drawn[1], box[1]),
                    max(self.drawn[2], box[2]), max(self.drawn[3], box[3]))

    return GlyphRenderer


@lru_cache(maxsize=None)
def cached_text_class() -> type:
    """The class CachedText, made on first use (matplotlib is imported only when a view is built).
    """
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.text import Text

    class CachedText(Text):
        """A Text that keeps the picture of its words: drawn again with the same words, colour,
        place and dpi, the picture is pasted instead of laid out and rasterised anew.

        Text is the slow part of a matplotlib draw (over 1 ms for a short label here); the
        stepper redraws some forty one-line labels per change. An unchanged label is one paste;
        a new one is laid out by matplotlib and drawn from kept glyphs (GlyphRenderer) onto a
        scratch canvas, of which only the label's few pixels are cut out and wiped. The label's
        box (its bbox patch) is drawn live, so a highlight that recolours the box costs no new
        rendering. The key holds every property the stepper changes; others (font family,
        rotation, the text's alpha) are taken as fixed. Only Agg renderers use the cache
        (savefig to a vector format draws the text as usual).
        """

        _sprites: dict = {}
        _scratch: dict = {}
        # Enough for the stepper's forty-odd labels over a slider's whole range (about 4 kB a
        # label), so dragging back pastes what dragging forward drew.
        MAX_BYTES = 16_000_000
        _bytes = 0

        @classmethod
        def forget_all(cls) -> None:
            """Drop every kept label picture (the benchmark's first pass draws all text anew)."""
            cls._sprites.clear()
            cls._bytes = 0

        def _key(self, renderer):
            size = (renderer.width, renderer.height, renderer.dpi)
            # Where the text sits in pixels: worked out once per canvas size (the views that use
            # this class never move a text or change their axes' limits after building them).
            if getattr(self, "_place", (None,))[0] != size:
                self._place = (size, tuple(np.round(self.get_transform().transform(self.get_unitless_position()), 3)))
            return (self.get_text(), str(self.get_color()), self.get_fontsize(), self.get_fontweight(),
                    self.get_ha(), self.get_va(), self.get_linespacing(), self._place[1], *size)

        def draw(self, renderer):
            if not isinstance(renderer, RendererAgg) or not self.get_visible() or not self.get_text():
                return super().draw(renderer)
            patch = self.get_bbox_patch()
            if patch is not None:
                self.update_bbox_position_size(renderer)
                patch.draw(renderer)
            key = self._key(renderer)
            sprite = self._sprites.get(key)
            if sprite is None:
                sprite = self._render(renderer)
                cls = type(self)
                if cls._bytes + sprite[2].nbytes > self.MAX_BYTES:
                    cls.forget_all()
                self._sprites[key] = sprite
                cls._bytes += sprite[2].nbytes
            x0, y0, image = sprite
            if image.size:
                gc = renderer.new_gc()
                renderer.draw_image(gc, x0, y0, image)
                gc.restore()
            self.stale = False

        def _render(self, renderer):
            """The glyphs alone (no box), drawn on a transparent scratch canvas and cut out."""
            size = (renderer.width, renderer.height, renderer.dpi)
            scratch = self._scratch.get(size)
            if scratch is None:
                self._scratch.clear()
                scratch = self._scratch[size] = glyph_renderer_class()(*size)
            scratch.forget_drawn()
            patch, self._bbox_patch = self._bbox_patch, None
            try:
                super().draw(scratch)
            finally:
                self._bbox_patch = patch
            if scratch.drawn is None:
                return 0, 0, np.zeros((0, 0, 4), np.uint8)
            width, height = int(renderer.width), int(renderer.height)
            x0, top, x1, bottom = scratch.drawn
            x0, top, x1, bottom = max(x0, 0), max(top, 0), min(x1, width), min(bottom, height)
            pixels = np.asarray(scratch.buffer_rgba())
            cut = pixels[top:bottom, x0:x1]
            image = cut[::-1].copy()  # draw_image wants the bottom row first
            cut[...] = (255, 255, 255, 0)  # wipe what was drawn back to a new canvas's transparent white
            return x0, height - bottom, image

    return CachedText


class PixelPicture(Artist):
    """A picture painted pixel for pixel over the rectangle `extent` of an axes (nearest neighbour).

    `pixels` is a (h, w) uint32 array of RGBA pixels (uint8 RGBA viewed as uint32), row 0 at the
    top; change it in place and redraw. AxesImage resamples in floating point with alpha
    handling, tens of milliseconds for a picture the size of half a canvas; this artist looks its
    screen pixels up with one integer `take` (the index cached per size) and hands them to the
    renderer, which copies them: well under a millisecond. It follows the figure's dpi (ipympl
    raises it on high-density screens).
    """

    def __init__(self, pixels: np.ndarray, extent: tuple[float, float, float, float]):
        super().__init__()
        self.pixels = pixels
        self.extent = extent  # (left, right, bottom, top) in data coordinates
        self._key = None
        self._index = None

    def screen_pixels(self) -> tuple[int, int, np.ndarray]:
        """(left, bottom, RGBA uint8 array (h, w, 4) with row 0 at the bottom) as drawn now."""
        left, right, bottom, top = self.extent
        (x0, y0), (x1, y1) = self.axes.transData.transform([(left, bottom), (right, top)])
        il, ib = int(round(min(x0, x1))), int(round(min(y0, y1)))
        w, h = int(round(max(x0, x1))) - il, int(round(max(y0, y1))) - ib
        src_h, src_w = self.pixels.shape
        key = (w, h, src_h, src_w)
        if key != self._key:
            rows = (src_h - 1 - np.arange(h) * src_h // max(h, 1))  # screen rows bottom-up
            cols = np.arange(w) * src_w // max(w, 1)
            self._index = (rows[:, None] * src_w + cols[None, :]).ravel()
            self._key = key
        picture = self.pixels.ravel().take(self._index).view(np.uint8).reshape(h, w, 4)
        return il, ib, picture

    def draw(self, renderer) -> None:
        if not self.get_visible():
            return
        left, bottom, picture = self.screen_pixels()
        if picture.size:
            gc = renderer.new_gc()
            renderer.draw_image(gc, left, bottom, picture)
            gc.restore()
        self.stale = False
