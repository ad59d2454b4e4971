"""Matplotlib artists the views share: faster ways to draw what views redraw on every move.

    cached_text_class()   text that keeps its rendered glyphs (the backprop stepper's labels)
    PixelPicture          a picture painted pixel for pixel, no resampling (the playground)
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from matplotlib.artist import Artist


@lru_cache(maxsize=None)
def cached_text_class() -> type:
    """The class CachedText, made on first use (matplotlib is imported only when a view is built).
    """
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.text import Text

    class CachedText(Text):
        """A Text that keeps its rendered glyphs: drawn again with the same words, colour, place
        and dpi, they are pasted as an image instead of laid out and rasterised anew.

        Text is the slow part of a matplotlib draw (about 0.1 ms a glyph here); the stepper
        redraws some twenty multi-line labels per click, most of them unchanged. The label's
        box (its bbox patch) is drawn live, so a highlight that recolours the box costs no new
        rendering. The key holds every property the stepper changes; others (font family,
        rotation, the text's alpha) are taken as fixed. Only Agg renderers use the cache
        (savefig to a vector format draws the text as usual).
        """

        _sprites: dict = {}
        _scratch: dict = {}
        MAX_SPRITES = 300  # a few MB of pixels at most

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
                if len(self._sprites) >= self.MAX_SPRITES:
                    self._sprites.clear()
                self._sprites[key] = sprite
            x0, y0, image = sprite
            if image.size:
                gc = renderer.new_gc()
                renderer.draw_image(gc, x0, y0, image)
                gc.restore()
            self.stale = False

        def _render(self, renderer):
            """The glyphs alone (no box) on a transparent scratch canvas, cut to their extent."""
            size = (renderer.width, renderer.height, renderer.dpi)
            scratch = self._scratch.get(size)
            if scratch is None:
                self._scratch.clear()
                scratch = self._scratch[size] = RendererAgg(*size)
            scratch.clear()
            patch, self._bbox_patch = self._bbox_patch, None
            try:
                super().draw(scratch)
                extent = self.get_window_extent(scratch)
            finally:
                self._bbox_patch = patch
            x0, y0 = max(int(np.floor(extent.x0)) - 2, 0), max(int(np.floor(extent.y0)) - 2, 0)
            x1 = min(int(np.ceil(extent.x1)) + 2, int(renderer.width))
            y1 = min(int(np.ceil(extent.y1)) + 2, int(renderer.height))
            pixels = np.asarray(scratch.buffer_rgba())
            height = pixels.shape[0]
            image = pixels[height - y1: height - y0, x0:x1][::-1].copy()  # draw_image wants the bottom row first
            return x0, y0, image

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
