"""Figures for widget views: an interactive ipympl canvas, made without pyplot's global state."""

from __future__ import annotations

import os

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
    from ipympl.backend_nbagg import Canvas, FigureManager

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
