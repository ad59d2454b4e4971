"""The week-4 dartboard explorer: its numpy model, and its view without a browser."""

import numpy as np
import pytest

from explorer_checks import assert_named_setups_restore, assert_setup_round_trips

from dlcourse.viz.dartboard import (
    TARGET,
    DartboardExplorer,
    DartboardModel,
    show_dartboard,
    standard_offsets,
)


def lecture_dartboard_stats(shots, target):
    """A correct dartboard_stats, as a student would write it (tests only; the library has none)."""
    mean = shots.mean(axis=0)
    return float(np.linalg.norm(mean - target)), float(np.mean(np.sum((shots - mean) ** 2, axis=1)))


def test_offsets_are_centred_with_mean_squared_length_two_and_seeded():
    z = standard_offsets(40, 3)
    assert z.shape == (40, 2)
    assert np.allclose(z.mean(axis=0), 0, atol=1e-12)
    assert np.mean(np.sum(z ** 2, axis=1)) == pytest.approx(2.0)
    assert np.array_equal(z, standard_offsets(40, 3)) and not np.array_equal(z, standard_offsets(40, 4))


@pytest.mark.parametrize("bias, variance", [(0.0, 0.0), (0.5, 0.2), (1.2, 0.9), (0.0, 1.0)])
def test_shots_have_exactly_the_slider_bias_and_variance(bias, variance):
    model = DartboardModel(lecture_dartboard_stats, bias, variance)
    measured_bias, measured_variance = model.measured()
    assert measured_bias == pytest.approx(bias, abs=1e-12)
    assert measured_variance == pytest.approx(variance, abs=1e-12)
    assert model.mean_squared_error() == pytest.approx(bias ** 2 + variance)


def test_variance_does_not_depend_on_the_target():
    model = DartboardModel(lecture_dartboard_stats, 0.7, 0.3)
    shots = model.shots()
    assert lecture_dartboard_stats(shots, TARGET + 5)[1] == pytest.approx(0.3)


def test_sliders_move_the_same_darts():
    model = DartboardModel(None, 0.0, 0.5)
    a = model.shots()
    model.bias = 1.0
    assert np.allclose(model.shots() - a, model.shots().mean(axis=0) - a.mean(axis=0))


def test_missing_unfinished_or_broken_stats_give_messages():
    assert DartboardModel(None).measured() is None

    def unfinished(shots, target):
        raise NotImplementedError()

    model = DartboardModel(unfinished)
    assert model.measured() is None and "not written yet" in model.message
    model = DartboardModel(lambda s, t: 3)
    assert model.measured() is None and "TypeError" in model.message


def test_view_moves_shots_mean_and_circle_with_the_sliders():
    explorer = DartboardExplorer(lecture_dartboard_stats)
    explorer.bias_slider.value = 1.0
    explorer.variance_slider.value = 0.64
    model = explorer.model
    assert np.allclose(np.column_stack(explorer.shot_marks.get_data()), model.shots())
    mean = model.shots().mean(axis=0)
    assert np.hypot(*mean) == pytest.approx(1.0)
    assert explorer.spread_circle.get_radius() == pytest.approx(0.8)
    heights = [bar.get_height() for bar in explorer.bars]
    assert heights == pytest.approx([1.0, 0.64, 1.64, 1.64])
    assert "variance <b>0.640</b>" in explorer.readout.value
    explorer.fig.canvas.draw()


def test_view_blits_only():
    explorer = DartboardExplorer(lecture_dartboard_stats)
    asked = []
    explorer.fig.canvas.draw_idle = lambda *args, **kwargs: asked.append(True)
    explorer.fig.canvas.draw()
    explorer.bias_slider.value = 0.3
    assert asked == []


def test_view_without_stats_shows_shots_and_measured_distance_only():
    explorer = DartboardExplorer(None, bias=0.5, variance=0.2)
    assert [bar.get_height() for bar in explorer.bars[:3]] == [0.0, 0.0, 0.0]
    assert explorer.bars[3].get_height() == pytest.approx(0.45)
    assert "Pass your dartboard_stats" in explorer.readout.value


def test_late_bound_function_is_used_once_defined(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    namespace = {}
    explorer = show_dartboard(namespace)
    assert "not" in explorer.model.message
    namespace["dartboard_stats"] = lecture_dartboard_stats
    explorer.bias_slider.value = 0.8
    assert explorer.model.message == "" and explorer.bars[0].get_height() == pytest.approx(0.64)


def test_nothing_is_built_under_grading(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert show_dartboard({}) is None


def test_a_saved_setup_restores_the_same_picture():
    setup = assert_setup_round_trips(lambda: DartboardExplorer(lecture_dartboard_stats))
    assert setup == "dartboard?bias=0.65&variance=0.26"
    assert_named_setups_restore(DartboardExplorer)


def test_a_setup_that_does_not_fit_is_refused_and_changes_nothing():
    explorer = DartboardExplorer()
    before = explorer.setup()
    for bad, words in [("bias=0.3&variance=9", "outside this control's range, 0 to 1"),
                       ("bias=much", "should be a number, like 0.5"),
                       ("high-bias", 'There is no setup called "high-bias"'),
                       ("bias=0.3&spread=1", "no setting called spread"),
                       ("xor_space?w11=1", "for the xor_space visualiser")]:
        with pytest.raises(ValueError, match=words):
            explorer.restore(bad)
        assert explorer.setup() == before


def test_the_setup_box_shows_the_setup_and_takes_a_pasted_one():
    explorer = DartboardExplorer()
    explorer.setup_button.value = True
    explorer.bias_slider.value = 1.0
    assert explorer.setup_box.value == "dartboard?bias=1&variance=0.2"
    explorer.setup_box.value = "high bias, high variance"
    assert (explorer.bias_slider.value, explorer.variance_slider.value) == (1.2, 0.8)
    explorer.setup_box.value = "bias=7"
    assert "outside" in explorer.setup_note.value and explorer.bias_slider.value == 1.2


def test_setup_controls_and_presenter_size_when_shown(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.setenv("QUERY_STRING", "dartboard.bias=0.9&other.x=1")
    explorer = show_dartboard(stats=lecture_dartboard_stats, controls=["variance"], presenter=True)
    assert explorer.bias_slider.value == 0.9 and explorer.bias_slider.layout.display == "none"
    width, height = explorer.fig.get_size_inches() * explorer.fig.get_dpi()
    assert 1000 <= width <= 1200 and height <= 520
    # The link wins over the notebook's setup; a link that does not fit is told, not raised.
    explorer = show_dartboard(setup="low bias, high variance")
    assert explorer.bias_slider.value == 0.9 and explorer.variance_slider.value == 0.2
    monkeypatch.setenv("QUERY_STRING", "dartboard=high-bias")
    explorer = show_dartboard()
    assert 'There is no setup called &quot;high-bias&quot;' in explorer.setup_note.value
    monkeypatch.delenv("QUERY_STRING")
    explorer = show_dartboard(setup="low bias, high variance")
    assert explorer.variance_slider.value == 0.8
    with pytest.raises(ValueError, match="no control called spread"):
        show_dartboard(controls=["spread"])


def test_a_value_at_the_end_of_a_log_slider_round_trips():
    """12 digits put 10**0.5 a hair above a log slider's top; the setup still restores."""
    from dlcourse.viz.learning_rate import LearningRateExplorer

    explorer = LearningRateExplorer()
    explorer.lr_slider.value = 10 ** explorer.lr_slider.max
    setup = explorer.setup()
    fresh = LearningRateExplorer()
    fresh.restore(setup)
    assert fresh.setup() == setup and fresh.lr_slider.value <= 10 ** fresh.lr_slider.max
