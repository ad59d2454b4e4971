"""Every visualiser, in every named setup, is readable by everyone: its text meets WCAG AA contrast
(in the figure and in the HTML beside it), and no two series in one plot differ by colour alone in
a way a colour-vision deficiency hides. The checks themselves are tested on known colours first.
(Keyboard use and the live readouts are tested in Chromium: test_demo_apps.py.)"""

import re

import pytest

from explorer_builds import BUILDS

from dlcourse.viz import palette


def test_the_contrast_ratio_is_wcags():
    assert palette.contrast_ratio("black", "white") == pytest.approx(21.0)
    assert palette.contrast_ratio("white", "white") == pytest.approx(1.0)
    assert palette.contrast_ratio("#767676", "white") == pytest.approx(4.54, abs=0.01)  # the lightest AA grey


def test_the_simulation_confuses_red_and_green_but_not_the_course_palette():
    worst, kind = palette.worst_distance("tab:green", "tab:red")
    assert worst < 10 and kind == "deuteranopia"  # matplotlib's defaults: alike to a deuteranope
    for i, a in enumerate(palette.SERIES):
        for b in palette.SERIES[i + 1:]:
            assert palette.worst_distance(a, b)[0] >= palette.SAME_LOOK_DELTA_E, (a, b)


def test_text_colour_darkens_a_series_colour_until_it_reads_as_text():
    for colour in palette.SERIES:
        assert palette.contrast_ratio(palette.text_color(colour), "white") >= 4.5
    assert palette.text_color("black") == "#000000"


def test_the_figure_audit_finds_low_contrast_text_and_colour_only_series():
    from matplotlib.figure import Figure
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = Figure()
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.plot([0, 1], [0, 1], color="tab:green")
    ax.plot([0, 1], [1, 0], color="tab:red")
    ax.plot([0, 1], [0.5, 0.5], color="tab:red", ls="--")  # told apart by its dashes
    ax.set_title("pale", color="#bbbbbb")
    assert [pair[2] for pair in palette.colour_only_pairs(fig)] == ["deuteranopia"]
    low = [text for text, ratio, needed in palette.text_contrasts(fig) if ratio < needed]
    assert low == ["pale"]


def html_of(widget) -> str:
    """Every HTML widget's text in a widget tree."""
    value = getattr(widget, "value", "")
    own = value if isinstance(value, str) and "<" in value else ""
    return own + "".join(html_of(child) for child in getattr(widget, "children", ()))


@pytest.mark.parametrize("name", sorted(BUILDS))
def test_every_setup_meets_aa_contrast_and_carries_nothing_by_colour_alone(name):
    explorer = BUILDS[name]()
    for setup in [None, *explorer.SETUPS]:
        if setup:
            explorer.restore(setup)
        low = [(text, round(ratio, 2)) for text, ratio, needed in palette.text_contrasts(explorer.fig)
               if ratio < needed]
        assert not low, f"{name} {setup or 'at start'}: text below WCAG AA contrast: {low}"
        pairs = palette.colour_only_pairs(explorer.fig)
        assert not pairs, f"{name} {setup or 'at start'}: series told apart by colour alone: {pairs}"
        colours = re.findall(r"color:\s*(#[0-9a-fA-F]{3,6}|[a-z]+)", html_of(explorer.widget))
        pale = [c for c in colours if palette.contrast_ratio(c, "white") < palette.AA_TEXT]
        assert not pale, f"{name} {setup or 'at start'}: HTML text below AA contrast: {pale}"


@pytest.mark.parametrize("name", sorted(BUILDS))
def test_every_visualiser_has_a_text_alternative_and_a_live_readout(name):
    explorer = BUILDS[name]()
    assert len(explorer.description.split()) >= 12, "describe what the figure shows"
    assert 'class="dlc-sr-only"' in html_of(explorer.widget)
    assert explorer.readout.value.startswith('<div role="status" aria-live="polite"')
