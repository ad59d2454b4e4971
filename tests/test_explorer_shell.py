"""The shell every visualiser shares (dlcourse/viz/explorer.py): one calling convention, setups in
a page URL, and the pieces no single view's tests cover."""

import inspect

import numpy as np
import pytest

import dlcourse.viz as viz
from dlcourse.viz.explorer import Explorer, presenter_from_url, setup_from_url
from explorer_builds import BUILDS
from explorer_checks import change_every_control, frame, median_text_px


def explorers() -> list[type]:
    return [value for value in vars(viz).values()
            if isinstance(value, type) and issubclass(value, Explorer) and value is not Explorer]


def test_every_visualiser_is_shown_by_show_its_name_with_the_same_keywords():
    assert len(explorers()) == 16
    for cls in explorers():
        show = getattr(viz, f"show_{cls.name}")
        parameters = inspect.signature(show).parameters
        assert {"setup", "controls", "presenter"} <= set(parameters), cls.name
        assert all(parameters[key].kind is inspect.Parameter.KEYWORD_ONLY for key in ("setup", "controls", "presenter"))


def test_the_names_of_earlier_releases_still_work():
    assert viz.show_dartboard_explorer is viz.show_dartboard
    assert viz.show_loss_contour_explorer is viz.show_loss_contours
    from dlcourse.viz.house_price import show_house_price_explorer

    assert show_house_price_explorer is viz.show_house_price


def test_a_url_names_or_spells_a_setup_and_asks_for_presenter_size():
    assert setup_from_url("dartboard", "dartboard=high+bias%2C+low+variance") == "high bias, low variance"
    assert setup_from_url("dartboard", "dartboard.bias=1.2&xor_space.w11=2") == "dartboard?bias=1.2"
    assert setup_from_url("dartboard", "xor_space.w11=2") is None
    assert presenter_from_url("presenter=1") and presenter_from_url("presenter") and presenter_from_url("a=1&presenter=")
    assert not presenter_from_url("presenter=0") and not presenter_from_url("")


def test_the_setup_and_its_url_form_say_the_same():
    explorer = BUILDS["dartboard"]()
    assert explorer.url_query() == "?dartboard.bias=0.5&dartboard.variance=0.2"
    assert setup_from_url("dartboard", explorer.url_query()[1:]) == explorer.setup()


def test_controls_that_share_a_layout_are_hidden_one_by_one():
    explorer = BUILDS["optimizer_race"]()
    explorer.show_only(["kappa"])
    assert explorer.kappa_slider.layout.display is None and explorer.steps_slider.layout.display == "none"


@pytest.mark.parametrize("name", ["dartboard", "optimizer_race", "confusion"])
def test_presenter_size_grows_the_figure_within_the_projector_and_back(name):
    explorer = BUILDS[name]()
    width = explorer.fig.get_size_inches()[0] * explorer.fig.get_dpi()
    explorer.set_presenter(True)
    grown = explorer.fig.get_size_inches() * explorer.fig.get_dpi()
    assert width <= grown[0] <= 1200 + 1e-6 and grown[1] <= 640 + 1e-6
    assert "dlc-presenter" in explorer._body._dom_classes and explorer.presenter_button.value
    explorer.set_presenter(False)
    assert explorer.fig.get_size_inches()[0] * explorer.fig.get_dpi() == pytest.approx(width)
    assert explorer._body.children == (explorer._panel, explorer._canvas)  # never reordered


def test_a_browser_echo_is_not_a_move_but_a_setup_is_exact():
    explorer = BUILDS["xor_space"]()
    slider = explorer.sliders["w11"]
    start = explorer.model.params["w11"]
    slider.value = start + slider.step / 10  # the browser sending back a rounded value
    assert explorer.model.params["w11"] == start
    explorer.restore(f"w11={start + slider.step / 5}")  # a setup within half a step: taken exactly
    assert explorer.model.params["w11"] == pytest.approx(start + slider.step / 5)


def test_quietly_keeps_observers_from_redrawing_and_nests():
    explorer = BUILDS["dartboard"]()
    assert not explorer.quiet
    with explorer.quietly():
        with explorer.quietly():
            assert explorer.quiet
        assert explorer.quiet
    assert not explorer.quiet


@pytest.mark.parametrize("name", sorted(BUILDS))
def test_presenter_size_enlarges_the_figure_text_or_it_is_large_already(name):
    explorer = BUILDS[name]()
    normal = median_text_px(explorer)
    explorer.set_presenter(True)
    presenter = median_text_px(explorer)
    assert presenter >= 16 or presenter >= 1.25 * normal, f"{normal:.1f} px → {presenter:.1f} px"


@pytest.mark.parametrize("name", [name for name in sorted(BUILDS) if BUILDS[name]().PRESENTER_MARKS > 1])
def test_text_grown_inside_a_figure_shrinks_back_exactly(name):
    """Controls changed at presenter size (new captions, restyled edges) leave no trace after it."""
    explorer = BUILDS[name]()
    explorer.set_presenter(True)
    change_every_control(explorer)
    grown = frame(explorer)
    explorer.set_presenter(False)
    fresh = BUILDS[name]()
    fresh.restore(explorer.setup())
    assert np.array_equal(frame(explorer), frame(fresh))
    fresh.set_presenter(True)
    assert np.array_equal(frame(fresh), grown)
