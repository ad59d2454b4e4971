"""Checks every visualiser's tests run on its Explorer shell: setups round-trip to the same picture."""

from __future__ import annotations

import numpy as np


def frame(explorer) -> np.ndarray:
    """The figure as the browser would show it, moving (animated) artists included, as RGBA pixels."""
    fig = explorer.fig
    animated = [artist for artist in fig.findobj() if artist.get_animated()]
    for artist in animated:
        artist.set_animated(False)
    try:
        fig.canvas.draw()
        return np.array(fig.canvas.buffer_rgba())
    finally:
        for artist in animated:
            artist.set_animated(True)


def median_text_px(explorer) -> float:
    """The median height of the figure's visible texts, in screen pixels."""
    from matplotlib.text import Text

    fig = explorer.fig
    fig.canvas.draw()  # tick labels exist only once drawn
    sizes = [text.get_fontsize() * fig.dpi / 72 for text in fig.findobj(Text)
             if text.get_visible() and text.get_text().strip()]
    return float(np.median(sizes))


def change_every_control(explorer) -> None:
    """Move every control in the setup away from its start: menus to another choice, sliders up."""
    for key, control in explorer._state.items():
        choices = getattr(control, "_options_values", None)
        if choices is not None:
            others = [choice for choice in choices if choice != control.value]
            if others:
                control.value = others[-1]
        elif isinstance(control.value, bool):
            control.value = not control.value
        elif hasattr(control, "max"):
            step = control.step if getattr(control, "step", None) else 1
            if hasattr(control, "base"):
                control.value = control.base ** min(control.max, np.log(control.value) / np.log(control.base) + 3 * step)
            else:
                control.value = min(control.max, control.value + 3 * step)


def assert_setup_round_trips(build, change=change_every_control) -> str:
    """A setup taken after `change(explorer)` gives a fresh explorer the same state and picture."""
    first = build()
    start = frame(first)
    change(first)
    setup = first.setup()
    assert setup.startswith(first.name + "?")
    moved = frame(first)
    assert not np.array_equal(start, moved), "the change did not change the picture"
    second = build()
    second.restore(setup)
    assert second.setup() == setup
    assert np.array_equal(frame(second), moved), "the restored explorer draws a different picture"
    return setup


def assert_named_setups_restore(build) -> None:
    """Every named setup restores without error and names only this explorer's settings."""
    explorer = build()
    assert explorer.SETUPS, "a visualiser ships at least one named setup"
    for name in explorer.SETUPS:
        fresh = build()
        fresh.restore(name)
        assert fresh.setup().startswith(explorer.name + "?")
