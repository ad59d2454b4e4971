"""Figures for widget views: an interactive ipympl canvas, made without pyplot's global state."""

from __future__ import annotations

import os
import time

import numpy as np
from matplotlib.figure import Figure


def under_grading() -> bool:
    """True while nbgrader executes the notebook (autograde or validate): build no widgets then."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def interactive_figure(width: float, height: float) -> Figure:
    """A matplotlib Figure whose `.canvas` is an ipympl widget, ready to put in a widget box.

    Built directly (not through pyplot) so no `%matplotlib widget` magic is needed and no
    duplicate static image is shown. Views redraw with `fig.canvas.draw_idle()`, which
    coalesces the many events a dragged slider sends into one draw.
    """
    import matplotlib

    # Importing ipympl switches matplotlib's backend to itself; put the notebook's back, so
    # plain plt figures after an explorer stay static images.
    backend = matplotlib.get_backend()
    from ipympl.backend_nbagg import Canvas, FigureManager

    if matplotlib.get_backend() != backend:
        matplotlib.use(backend)

    # A fixed layout: constrained layout would re-solve on every redraw, doubling its cost.
    fig = Figure(figsize=(width, height))
    fig.subplots_adjust(left=0.08, right=0.98, bottom=0.2, top=0.9, wspace=0.3)
    canvas = Canvas(fig)
    FigureManager(canvas, num=id(fig))
    canvas.header_visible = False
    canvas.footer_visible = False
    canvas.toolbar_visible = False
    canvas.resizable = False
    return fig



def scale_marks(fig: Figure, factor: float, *, skip=()) -> None:
    """Draw the figure's text, lines and markers `factor` times the size they were built with.

    Presenter size uses this where enlarging the whole figure would not fit the screen: the
    pictures keep their size and only what must be read from the back of the room grows. The
    sizes as built are remembered, so `factor=1` puts them back exactly. A view that makes an
    artist, or sets a size, while the figure is grown must do so at the current factor (its
    `marks`): a size that changed since the last call is taken as made at that factor. Tick
    labels go through each axis's tick settings, so ticks made later (new limits) follow.
    `skip`: artists whose widths the view sets itself (a highlighted edge): their text still
    grows, their widths are the view's.
    """
    import weakref

    from matplotlib.axis import Axis
    from matplotlib.collections import Collection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.text import Text

    before, built = fig.__dict__.get("_dlcourse_marks", (1.0, weakref.WeakKeyDictionary()))
    fig._dlcourse_marks = (factor, built)

    def grow(artist, now, set_sizes, powers=(1, 1)):
        """Set the artist's sizes to factor × as built. An artist first seen, or whose sizes the
        view has set since the last call, was made at the factor before this call."""
        now = tuple(None if size is None else np.asarray(size, float) for size in now)
        remembered = built.get(artist)
        if remembered is None or not all(_same(a, b) for a, b in zip(remembered[1], now)):
            as_made = tuple(None if size is None else size / before**power for size, power in zip(now, powers))
        else:
            as_made = remembered[0]
        grown = tuple(None if size is None else size * factor**power for size, power in zip(as_made, powers))
        set_sizes(*grown)
        built[artist] = (as_made, grown)

    def artists(parent):
        for child in parent.get_children():
            if isinstance(child, Axis):  # its ticks are set through it; its label is a plain text
                ticks = child.get_major_ticks()
                if ticks:
                    grow(child, (ticks[0].label1.get_fontsize(),),
                         lambda size: child.set_tick_params(which="both", labelsize=float(size)))
                yield from (child.label, child.offsetText)
            else:
                yield child
                yield from artists(child)

    skip = set(skip)
    for artist in artists(fig):
        if isinstance(artist, Text):
            grow(artist, (artist.get_fontsize(),), lambda size: artist.set_fontsize(float(size)))
        elif artist in skip:
            continue
        elif isinstance(artist, Line2D):
            def set_line(width, marker, line=artist):
                line.set_linewidth(float(width))
                line.set_markersize(float(marker))
            grow(artist, (artist.get_linewidth(), artist.get_markersize()), set_line)
        elif isinstance(artist, Patch):
            grow(artist, (artist.get_linewidth(),), lambda width: artist.set_linewidth(float(width)))
        elif isinstance(artist, Collection):
            areas = getattr(artist, "get_sizes", lambda: None)()  # a marker's size is its area; contours have none
            if areas is not None and not len(areas):
                areas = None

            def set_collection(widths, areas, collection=artist):
                collection.set_linewidths(widths)
                if areas is not None:
                    collection.set_sizes(areas)
            grow(artist, (artist.get_linewidths(), areas), set_collection, powers=(1, 2))


def _same(remembered, now) -> bool:
    if remembered is None or now is None:
        return remembered is None and now is None
    return remembered.shape == now.shape and bool(np.all(remembered == now))


BURST_S = 0.25  # blits closer together than this are sent as whole frames


def blit_to_browser(canvas, bbox) -> None:
    """Send the blitted region of an ipympl canvas to the browser.

    ipympl sends a blit as a "diff" PNG (only the changed pixels) that the browser paints over its
    last frame. The browser decodes frames into one Image object, so a frame arriving while the
    previous one still loads replaces it unseen, and the next diff then leaves stale pixels (old
    paths, overlapping titles). Frames sent in quick succession therefore go whole; an isolated
    change still goes as a small diff.
    """
    now = time.perf_counter()
    if now - getattr(canvas, "_dlcourse_last_blit", float("-inf")) < BURST_S:
        canvas._force_full = True
    canvas._dlcourse_last_blit = now
    canvas.blit(bbox)


class Blitter:
    """Redraw only the artists that move, over a cached picture of everything else (blitting).

    A full matplotlib draw spends most of its time on text: tick labels, titles, legends. A
    control change usually moves a few lines and points, so views mark those artists as
    animated and call `redraw()`: the cached background is restored, the moving artists are
    drawn on top, and ipympl ships only the changed pixels. `redraw(full=True)` asks the
    browser for a full draw (call it when axis limits or labels change); every full draw
    refreshes the cached background.

    Full draws go through `draw_idle` (the browser asks back, then the kernel draws) and never
    happen before a browser view exists: ipympl 0.10.0 stores a frame drawn earlier as a bare
    base64 string that the browser cannot load, leaving the canvas at 0x0 pixels.

    `layer`: animated artists that change less often than `artists` (the convolution explorer's
    feature maps under its moving window). They are cached in a second picture, so
    `redraw(layer=False)` restores that picture and draws only `artists` on top.

    `redraw(full=True, key=k)`: a view that flips between a few static pictures (the loss-contour
    explorer's two contour plots) names each with a key; the picture of a full draw is kept under
    its key, and going back to a key restores it instead of drawing everything again (a full draw
    costs 100 ms or more; a restore a few ms). A full draw without a key forgets them all.
    """

    def __init__(self, fig: Figure, artists, layer=()) -> None:
        self.fig = fig
        self.canvas = fig.canvas
        self.artists = list(artists)
        self.layer = list(layer)
        self._background = self._with_layer = None
        self._kept: dict = {}  # key → background picture
        self._keep_as = None  # the key the next full draw is kept under
        for artist in (*self.layer, *self.artists):
            artist.set_animated(True)
        self.canvas.mpl_connect("draw_event", self._on_draw)

    def forget(self) -> None:
        """Drop the kept pictures: the artists changed in a way no key says (their text size)."""
        self._kept.clear()
        self._background = self._with_layer = None

    def add(self, artist) -> None:
        artist.set_animated(True)
        self.artists.append(artist)

    def _on_draw(self, event) -> None:
        self._background = self.canvas.copy_from_bbox(self.fig.bbox)
        if self._keep_as is not None:
            self._kept[self._keep_as], self._keep_as = self._background, None
        self._draw_layer()
        self._draw_moving()

    def _draw_layer(self) -> None:
        if not self.layer:
            self._with_layer = self._background
            return
        for artist in self.layer:
            self.fig.draw_artist(artist)
        self._with_layer = self.canvas.copy_from_bbox(self.fig.bbox)

    def _draw_moving(self) -> None:
        for artist in self.artists:
            self.fig.draw_artist(artist)

    def redraw(self, full: bool = False, layer: bool = True, key=None) -> None:
        """Show the artists' new state: blit if a background is cached, else a full draw.

        layer=False: only `artists` changed, the layer is drawn from its cached picture.
        """
        if key is not None:
            key = (key, tuple(self.fig.bbox.size))  # a picture is only good at its own size
        if full and key in self._kept:
            # A full draw still on its way belongs to an earlier state: it must not be kept.
            self._background, full, layer, self._keep_as = self._kept[key], False, True, None
        if full or self._background is None:
            if key is None:
                self._kept.clear()
            self._keep_as = key
            self.canvas.draw_idle()  # the browser's answer draws all and fires draw_event
            return
        if layer:
            self.canvas.restore_region(self._background)
            self._draw_layer()
        else:
            self.canvas.restore_region(self._with_layer)
        self._draw_moving()
        blit_to_browser(self.canvas, self.fig.bbox)
