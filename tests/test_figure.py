"""dlcourse.viz.figure: interactive figures and the Blitter that keeps redraws fast."""

import numpy as np
import pytest

from dlcourse.viz.figure import Blitter, interactive_figure, under_grading


@pytest.fixture()
def figure_and_line():
    fig = interactive_figure(3, 2)
    ax = fig.subplots()
    (line,) = ax.plot([0, 1], [0, 1])
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    return fig, line


def test_interactive_figure_is_an_ipympl_widget_without_toolbar(figure_and_line):
    fig, _ = figure_and_line
    assert type(fig.canvas).__name__ == "Canvas" and not fig.canvas.toolbar_visible


def test_blitter_waits_for_the_browser_before_its_first_full_draw(figure_and_line, monkeypatch):
    fig, line = figure_and_line
    asked = []
    monkeypatch.setattr(fig.canvas, "draw_idle", lambda: asked.append(True))
    blitter = Blitter(fig, [line])
    blitter.redraw()
    assert asked == [True] and line.get_animated()


def test_blitter_redraws_only_the_moving_artists_after_a_full_draw(figure_and_line, monkeypatch):
    fig, line = figure_and_line
    blitter = Blitter(fig, [line])
    fig.canvas.draw()  # what the browser's first request does
    before = np.asarray(fig.canvas.get_renderer().buffer_rgba()).copy()
    full_draws = []
    monkeypatch.setattr(fig.canvas, "draw_idle", lambda: full_draws.append(True))
    line.set_ydata([1, 0])
    blitter.redraw()
    after = np.asarray(fig.canvas.get_renderer().buffer_rgba())
    assert not full_draws and (after != before).any()
    blitter.redraw(full=True)
    assert full_draws == [True]


def test_under_grading_follows_nbgrader_execution(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    assert not under_grading()
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert under_grading()


def test_building_an_interactive_figure_keeps_the_notebooks_backend():
    """ipympl switches matplotlib to itself on import; plain plt figures must stay static."""
    import subprocess
    import sys

    code = ("import matplotlib; matplotlib.use('agg'); import matplotlib.pyplot\n"
            "from dlcourse.viz.figure import interactive_figure; interactive_figure(1, 1)\n"
            "print(matplotlib.get_backend())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "agg"


def test_blits_in_quick_succession_are_sent_whole_and_an_isolated_one_as_a_diff(monkeypatch):
    """The browser may drop a frame that arrives while the previous one loads: bursts go whole."""
    from dlcourse.viz import figure

    fig = figure.interactive_figure(3, 2)
    canvas = fig.canvas
    canvas.draw()
    clock = iter([100.0, 100.1, 101.0])
    monkeypatch.setattr(figure.time, "perf_counter", lambda: next(clock))
    monkeypatch.setattr(canvas, "blit", lambda bbox=None: None)
    canvas._force_full = False
    figure.blit_to_browser(canvas, fig.bbox)       # isolated: a diff is fine
    assert canvas._force_full is False
    figure.blit_to_browser(canvas, fig.bbox)       # 0.1 s later: whole frame
    assert canvas._force_full is True
    canvas._force_full = False
    figure.blit_to_browser(canvas, fig.bbox)       # 0.9 s later: a diff again
    assert canvas._force_full is False


def test_a_kept_picture_is_restored_instead_of_a_full_draw():
    from matplotlib.figure import Figure

    from dlcourse.viz.figure import Blitter, interactive_figure

    fig = interactive_figure(3, 2)
    ax = fig.add_subplot()
    (line,) = ax.plot([0, 1], [0, 1])
    blitter = Blitter(fig, [line])
    asked = []
    fig.canvas.draw_idle = lambda: (asked.append(True), fig.canvas.draw())
    blitter.redraw(full=True, key="a")
    ax.set_title("b")
    blitter.redraw(full=True, key="b")
    assert len(asked) == 2
    ax.set_title("")
    blitter.redraw(full=True, key="a")  # back to a: restored, not drawn
    assert len(asked) == 2
    blitter.redraw(full=True)  # a full draw without a key forgets the kept pictures
    blitter.redraw(full=True, key="a")
    assert len(asked) == 4
    assert isinstance(fig, Figure)
