"""The week-6 optimizer race: its torch.optim model, and its view without a browser."""

from types import SimpleNamespace

import numpy as np
import pytest

from explorer_checks import assert_named_setups_restore, assert_setup_round_trips, change_every_control

from dlcourse.viz import optimizer_race_model
from dlcourse.viz.binding import late_bound
from dlcourse.viz.optimizer_race import OptimizerRaceExplorer, show_optimizer_race
from dlcourse.viz.optimizer_race_model import (
    KAPPA_GRID,
    LIMIT,
    OPTIMIZERS,
    SURFACES,
    OptimizerRaceModel,
    Run,
    compare,
    drawable,
    on_lr_grid,
    student_runs,
    torch_runs,
)


import week6_answers as answers

STUDENT = answers.OPTIMIZER_STEPS
NAMES = {"sgd": "sgd_step", "momentum": "momentum_step", "rmsprop": "rmsprop_step", "adam": "adam_step"}


def test_sgd_on_the_bowl_follows_the_closed_form():
    """On ½(x² + κy²) each SGD step multiplies x by (1 − lr) and y by (1 − lr·κ)."""
    model = OptimizerRaceModel("bowl", kappa=20.0, start=(-4.0, 2.0), n_steps=30)
    model.set(sgd_lr=0.04)
    k = np.arange(31)
    expected = np.column_stack([-4.0 * (1 - 0.04) ** k, 2.0 * (1 - 0.04 * 20.0) ** k])
    assert np.allclose(model.runs()["sgd"].path, expected, rtol=1e-12, atol=1e-14)


def test_momentum_zero_is_plain_sgd():
    model = OptimizerRaceModel("rosenbrock", n_steps=50)
    model.set(momentum_beta=0.0, momentum_lr=model.hypers["sgd"]["lr"])
    runs = model.runs()
    assert np.array_equal(runs["momentum"].path, runs["sgd"].path)


def test_adams_first_step_moves_each_coordinate_by_about_lr():
    for surface in SURFACES:
        model = OptimizerRaceModel(surface, n_steps=1)
        model.set(adam_lr=0.05, start=(-1.0, 1.5))
        step = np.diff(model.runs()["adam"].path, axis=0)[0]
        assert np.allclose(np.abs(step), 0.05, rtol=1e-6)


def test_kappa_changes_the_bowl_paths_and_too_large_a_rate_diverges():
    model = OptimizerRaceModel("bowl", kappa=10.0, n_steps=100)
    model.set(sgd_lr=0.06)
    calm = model.runs()["sgd"]
    assert calm.diverged_at is None and model.distance(calm.path[-1]) < 0.01
    model.set(kappa=50.0)  # 2 / κ = 0.04 < 0.06
    wild = model.runs()["sgd"]
    assert not np.allclose(wild.path[:5], calm.path[:5])
    assert wild.diverged_at is not None and np.abs(wild.path[wild.diverged_at]).max() >= LIMIT
    assert np.isnan(wild.path[wild.diverged_at + 1:]).all()
    assert model.summary(wild) == (f"diverged at step {wild.diverged_at}", "")
    shown = drawable(wild, model.surface)
    assert np.isfinite(shown).all() and np.abs(shown).max() <= 100 and len(shown) == wild.diverged_at + 1


def test_blow_ups_to_inf_and_nan_are_stopped_and_drawn_finite():
    model = OptimizerRaceModel("rosenbrock", n_steps=200)
    model.set(sgd_lr=1.0, momentum_lr=1.0, rmsprop_lr=3.0, adam_lr=3.0)
    with np.errstate(all="raise"):
        runs = model.runs()
        for run in runs.values():
            assert np.isfinite(drawable(run, model.surface)).all()
            model.summary(run)
    assert runs["sgd"].diverged_at is not None
    assert drawable(Run(np.array([[0.0, 0.0], [np.inf, -np.inf]]), 1), model.surface).max() < np.inf


def test_on_the_saddles_ridge_every_optimizer_stops_at_the_saddle():
    model = OptimizerRaceModel("saddle", start=(-2.5, 0.0), n_steps=300)
    for name, run in model.runs().items():
        assert np.all(run.path[:, 1] == 0.0) and abs(run.path[-1, 0]) < 0.05, name
        assert model.distance(run.path[-1]) == pytest.approx(np.sqrt(2), abs=0.05)
    model.set(start=(-2.5, 0.001))
    assert all(model.value(run.path[-1]) < -0.99 for run in model.runs().values())


def test_rosenbrock_contours_are_log_spaced_and_the_minimum_is_one_one():
    model = OptimizerRaceModel("rosenbrock")
    assert model.value((1.0, 1.0)) == 0.0 and model.distance((1.0, 1.0)) == 0.0
    segments, levels = model.contour_lines()
    assert len(segments) == len(levels) and np.allclose(np.diff(np.unique(levels)), np.diff(np.unique(levels))[0])
    bowl = OptimizerRaceModel("bowl", kappa=4.0)
    (ellipse, *_), values = bowl.contour_lines()
    assert np.allclose(0.5 * (ellipse[:, 0] ** 2 + 4.0 * ellipse[:, 1] ** 2), 10 ** values[0])


def test_only_the_optimizer_whose_settings_changed_is_rerun(monkeypatch):
    model = OptimizerRaceModel(n_steps=40)
    model.runs()
    asked = []
    real = optimizer_race_model.torch_runs
    monkeypatch.setattr(optimizer_race_model, "torch_runs",
                        lambda *args: asked.append(sorted(args[4])) or real(*args))
    model.set(adam_lr=0.2)
    model.runs()
    model.set(n_steps=20)  # shorter: cut from the cached runs
    assert len(model.runs()["sgd"].path) == 21
    model.set(kappa=3.0)  # not a slider value: computed on its own
    model.runs()
    model.set(kappa=KAPPA_GRID[10])
    model.runs()
    model.set(kappa=KAPPA_GRID[33])  # the slider's κ were all computed with the last one
    model.runs()
    assert asked == [["adam"], sorted(OPTIMIZERS), sorted(OPTIMIZERS)]
    with pytest.raises(TypeError):
        model.set(adam_gamma=1.0)
    with pytest.raises(ValueError):
        model.set(surface="himmelblau")


def test_paths_for_the_whole_kappa_slider_equal_paths_computed_one_by_one():
    hypers = OptimizerRaceModel().hypers
    together = torch_runs(SURFACES["bowl"], KAPPA_GRID, (-4.0, 2.0), 60, hypers)
    for k in (0, 25, 40):
        alone = torch_runs(SURFACES["bowl"], [KAPPA_GRID[k]], (-4.0, 2.0), 60, hypers)
        for name in OPTIMIZERS:
            assert np.array_equal(together[name][k].path, alone[name][0].path, equal_nan=True)
            assert together[name][k].diverged_at == alone[name][0].diverged_at
    assert together["sgd"][40].diverged_at is not None and together["sgd"][0].diverged_at is None


@pytest.mark.parametrize("surface", list(SURFACES))
def test_correct_student_steps_retrace_torch_optim(surface):
    model = OptimizerRaceModel(surface, n_steps=150, steps=STUDENT, use_student=True)
    theirs = model.student()
    for name, run in model.runs().items():
        path, why = theirs[name]
        ok, gap = compare(path, run)
        assert why == "" and ok and gap < 1e-9, (name, gap)


def test_wrong_student_steps_are_flagged():
    def adam_without_bias_correction(params, grads, state, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        m = state["m"] = beta1 * state.get("m", 0.0) + (1 - beta1) * grads["w"]
        v = state["v"] = beta2 * state.get("v", 0.0) + (1 - beta2) * grads["w"] ** 2
        params["w"] = params["w"] - lr * m / (np.sqrt(v) + eps)

    model = OptimizerRaceModel(n_steps=50, steps=dict(STUDENT, adam=adam_without_bias_correction), use_student=True)
    theirs = model.student()
    ok, gap = compare(theirs["adam"][0], model.runs()["adam"])
    assert not ok and gap > 1e-3


def test_unfinished_student_steps_give_messages_not_errors():
    def stub(*args, **kwargs):
        raise NotImplementedError()

    theirs = student_runs({name: stub for name in OPTIMIZERS}, SURFACES["bowl"], 30.0, (-4.0, 2.0), 20,
                          OptimizerRaceModel().hypers)
    assert all(run is None and "not written yet" in why for run, why in theirs.values())
    namespace = {}
    steps = {name: late_bound(namespace, function) for name, function in NAMES.items()}
    model = OptimizerRaceModel(n_steps=20, steps=steps, use_student=True)
    assert "sgd_step() is not written yet" in model.student()["sgd"][1]
    namespace["sgd_step"] = answers.sgd_step
    assert model.student()["sgd"][0] is not None


def test_view_moves_the_paths_in_place_and_reports_divergence():
    explorer = OptimizerRaceExplorer()
    line = explorer.path_lines["sgd"]
    before = np.array(line.get_xydata())
    explorer.lr_sliders["sgd"].value = 0.03
    assert explorer.path_lines["sgd"] is line and not np.array_equal(line.get_xydata(), before)
    assert "diverged" not in explorer.readout.value
    explorer.lr_sliders["sgd"].value = 0.1  # above 2 / κ = 0.067
    assert "diverged at step" in explorer.readout.value and np.isfinite(line.get_xydata()).all()
    segments = [s.copy() for s in explorer.contours.get_segments()]
    explorer.kappa_slider.value = 3.0
    assert not np.allclose(explorer.contours.get_segments()[0], segments[0])
    assert "κ = 3" in explorer.ax.get_title() and "diverged" not in explorer.readout.value
    explorer.steps_slider.value = 40
    assert len(explorer.path_lines["adam"].get_xdata()) == 41


def test_view_switches_surface_with_its_defaults_and_moves_the_start_on_click():
    explorer = OptimizerRaceExplorer()
    explorer.surface_choice.value = "rosenbrock"
    assert explorer.ax.get_xlim() == SURFACES["rosenbrock"].x_range
    assert explorer.lr_sliders["sgd"].value == pytest.approx(on_lr_grid(SURFACES["rosenbrock"].lrs["sgd"]))
    assert explorer.start_menu.value == "(−1.2, 1)" and explorer.kappa_slider.disabled
    explorer.start_menu.value = "(−1.5, 2.5)"
    assert tuple(explorer.start_point.get_xydata()[0]) == (-1.5, 2.5)
    explorer._on_click(SimpleNamespace(inaxes=explorer.ax, xdata=0.5, ydata=-0.5))
    assert tuple(explorer.start_point.get_xydata()[0]) == (0.5, -0.5) and explorer.start_menu.value is None
    assert tuple(explorer.path_lines["adam"].get_xydata()[0]) == (0.5, -0.5)


def test_view_compares_the_students_steps_when_asked():
    explorer = OptimizerRaceExplorer(steps=STUDENT, n_steps=50)
    assert "yours" not in explorer.readout.value and len(explorer.student_lines["adam"].get_xdata()) == 0
    explorer.student_box.value = True
    assert explorer.readout.value.count("✓") == 4
    assert np.allclose(explorer.student_lines["adam"].get_xydata(), explorer.path_lines["adam"].get_xydata())


def test_view_with_unfinished_or_not_in_place_steps_says_so():
    def stub(*args, **kwargs):
        raise NotImplementedError()

    def sgd_not_in_place(params, grads, lr):
        params = {"w": params["w"] - lr * grads["w"]}  # rebinds the local name only

    explorer = OptimizerRaceExplorer(steps=dict({n: stub for n in OPTIMIZERS}, sgd=sgd_not_in_place),
                                     use_student=True)
    value = explorer.readout.value
    assert value.count("is not written yet") == 3 and "never moved" in value


def test_no_widgets_under_grading(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert show_optimizer_race({}) is None


def test_default_learning_rates_lie_on_the_sliders_grid_and_sgd_converges_on_the_default_bowl():
    """A browser slider snaps to its steps and echoes the value back: defaults must already be on them."""
    import math

    for surface in SURFACES.values():
        for lr in surface.lrs.values():
            snapped = on_lr_grid(lr)
            assert abs(math.log10(snapped) / 0.05 - round(math.log10(snapped) / 0.05)) < 1e-9
    model = OptimizerRaceModel("bowl")
    assert model.hypers["sgd"]["lr"] < 2 / model.kappa, "the default SGD rate sits just under the stability limit"


def test_a_saved_setup_restores_the_same_picture():
    def change(explorer):
        change_every_control(explorer)
        explorer._on_click(SimpleNamespace(inaxes=explorer.ax, xdata=-2.0, ydata=0.75))

    setup = assert_setup_round_trips(lambda: OptimizerRaceExplorer(steps=STUDENT, n_steps=50), change)
    assert "surface=saddle" in setup and "use_student=true" in setup
    assert [float(v) for v in setup.split("&start=")[1].split(",")] == [-2.0, 0.75]
    assert_named_setups_restore(OptimizerRaceExplorer)


def test_a_start_from_the_menu_is_restored_in_the_menu():
    explorer = OptimizerRaceExplorer()
    explorer.restore("surface=rosenbrock&start=-1.5,2.5")
    assert explorer.start_menu.value == "(−1.5, 2.5)" and explorer.model.start == (-1.5, 2.5)
    explorer.restore("start=0.25,-0.5")
    assert explorer.start_menu.value is None and tuple(explorer.start_point.get_xydata()[0]) == (0.25, -0.5)
    with pytest.raises(ValueError, match="not a point x,y"):
        explorer.restore("start=1")
    assert explorer.model.start == (0.25, -0.5)


def test_the_named_setup_sgd_diverges_at_kappa_10():
    explorer = OptimizerRaceExplorer()
    explorer.restore("SGD diverges at κ = 10")
    model = explorer.model
    assert (model.surface_name, model.kappa, model.start) == ("bowl", 10.0, (-4.0, 2.0))
    assert model.hypers["sgd"]["lr"] > 2 / model.kappa  # past the stable limit 0.2
    runs = model.runs()
    assert runs["sgd"].diverged_at is not None and model.summary(runs["sgd"])[0].startswith("diverged at step")
    assert all(runs[name].diverged_at is None for name in ("momentum", "rmsprop", "adam"))
    assert "diverged at step" in explorer.readout.value and "2/κ = 0.2" in explorer.readout.value
    explorer.lr_sliders["sgd"].value = on_lr_grid(0.2)  # one slider step lower: stable again
    assert explorer.model.runs()["sgd"].diverged_at is None


def test_a_named_setup_and_chosen_controls_when_shown(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    explorer = show_optimizer_race(setup="Rosenbrock's curved valley", controls=["sgd_lr", "start"])
    assert explorer.surface_choice.value == "rosenbrock" and explorer.steps_slider.value == 300
    assert explorer.start_menu.value == "(−1.2, 1)" and explorer.start_menu.layout.display is None
    assert explorer.lr_sliders["sgd"].layout.display is None and explorer.kappa_slider.layout.display == "none"
    assert explorer.surface_choice.layout.display == "none" and explorer.lr_sliders["adam"].layout.display == "none"
