"""The course's explorers in a real JupyterLab, driven by Chromium through Playwright.

Copies of the release notebooks of weeks 1-3, with every solution cell filled in, are opened in
one throw-away JupyterLab (never the repository's files: JupyterLab autosaves what it opens).
Each test opens one notebook, runs all its cells, then operates every explorer in it the way a
student would (mouse drags, arrow keys, typing into a slider's readout, dropdown menus, toggle
buttons) and checks that the readout and the ipympl canvas follow. Screenshots of each explorer
before and after go to tests/artifacts/browser/.

    week 1  a01: house-price explorer (w3 slider, "Gradient descent ×100" button)
    week 2  a02: learning-rate explorer (learning rate across the stability bound, steps, curve),
                 loss-contour explorer (unscaled / standardized toggle, α slider)
    week 3  a03: batch-size path explorer (samples processed, mini-batch size menu),
                 early-stopping explorer (patience slider, degree buttons)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from autograder import notebooks

import browser

A01 = "a01_models_and_loss"
A02 = "a02_gradient_descent"
A03 = "a03_batches_epochs_validation"
REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts" / "browser"

_MISSING = browser.missing_browser_reason()
pytestmark = [pytest.mark.browser, pytest.mark.skipif(_MISSING is not None, reason=_MISSING or "")]

MAE = re.compile(r"MAE\s*=\s*(-?\d+(?:\.\d+)?)")


def mae_in(text: str) -> float | None:
    match = MAE.search(text)
    return float(match.group(1)) if match else None


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """One JupyterLab server on a folder holding a01, a02 and a03, solved; yields (server, code cells per notebook)."""
    root = tmp_path_factory.mktemp("lab_root")
    n_code_cells = {}
    for name in (A01, A02, A03):
        release = notebooks.read(REPO / "release" / name / f"{name}.ipynb")
        source = notebooks.read(REPO / "source" / name / f"{name}.ipynb")
        solved = notebooks.filled_with_solutions(release, source)
        notebooks.write(solved, root / f"{name}.ipynb")
        n_code_cells[name] = sum(cell.cell_type == "code" for cell in solved.cells)
    with browser.jupyter_lab(root, tmp_path_factory.mktemp("lab_home")) as server:
        yield server, n_code_cells


@pytest.fixture()
def page_and_errors(lab):
    """A Chromium page (1400x900) and the list its console errors and page errors go into."""
    from playwright.sync_api import sync_playwright

    server, _ = lab
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        chromium = browser.launch_chromium(p)
        try:
            context = chromium.new_context(viewport=browser.VIEWPORT)
            context.set_default_timeout(30_000)
            page = context.new_page()
            errors: list[str] = []
            page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
            yield page, errors
        finally:
            chromium.close()
            server.shutdown_kernels()  # the next notebook's kernel gets the CPU


def open_solved(lab, page, errors, name: str) -> None:
    server, n_code_cells = lab
    browser.open_and_run_all(page, server, f"{name}.ipynb", n_code_cells[name],
                             ARTIFACTS / f"{name[:3]}_run_all_failed.png", errors)


def no_page_errors(errors: list[str]) -> None:
    assert not [e for e in errors if e.startswith("pageerror")], errors


def bold_word(readout_text: str) -> str:
    return readout_text.split()[0] if readout_text.strip() else ""


# -- week 1 ------------------------------------------------------------------------------------

def test_house_price_explorer_responds_to_slider_and_descent(lab, page_and_errors):
    page, page_errors = page_and_errors
    open_solved(lab, page, page_errors, A01)

    ex = browser.find_explorer(page, "show_house_price_explorer(globals())")
    for name in ("w1", "w2", "w3", "b"):
        ex.slider(name).wait_for()
    button = ex.box.get_by_role("button", name=re.compile("Gradient descent"))
    button.wait_for()
    canvas_before = browser.settled_canvas(page, ex.canvas)  # the first image arrives after the canvas exists
    readout_before = ex.readout_text()
    ex.screenshot(ARTIFACTS / "a01_explorer_before.png")

    # -- move w3 with the keyboard ------------------------------------------------------------
    w3 = ex.slider("w3")
    handle = w3.locator(".noUi-handle").first
    w3_readout = w3.locator(".widget-readout").first
    w3_value_before = w3_readout.inner_text()
    readout_text = ex.readout.text_content()
    handle.click()
    for _ in range(5):
        handle.press("ArrowRight")
    browser.wait_text_changed(page, w3_readout, w3_value_before)
    assert float(w3_readout.inner_text()) > float(w3_value_before), "ArrowRight did not increase w3"

    # The readout follows: the student's functions are defined now, so it shows an MAE.
    readout_after_slider = browser.wait_text_changed(page, ex.readout, readout_text, r"MAE\s*=")
    canvas_after_slider = browser.wait_canvas_changed(page, ex.canvas, canvas_before)
    ex.screenshot(ARTIFACTS / "a01_explorer_after_slider.png")
    assert readout_after_slider != readout_before
    mae_after_slider = mae_in(readout_after_slider)
    assert mae_after_slider is not None, f"no MAE in the readout: {readout_after_slider!r}"
    assert mae_in(readout_before) != mae_after_slider, (readout_before, readout_after_slider)
    assert canvas_after_slider != canvas_before

    # One more step changes the MAE again (not only the first draw after Run All).
    readout_text = ex.readout.text_content()
    handle.press("ArrowRight")
    mae_one_more = mae_in(browser.wait_text_changed(page, ex.readout, readout_text))
    assert mae_one_more is not None and mae_one_more != mae_after_slider, (mae_after_slider, mae_one_more)
    canvas_one_more = browser.wait_canvas_changed(page, ex.canvas, canvas_after_slider)

    # -- gradient descent -----------------------------------------------------------------------
    readout_text = ex.readout.text_content()
    button.click()
    browser.wait_text_changed(page, ex.readout, readout_text)
    browser.wait_canvas_changed(page, ex.canvas, canvas_one_more)
    page.wait_for_timeout(500)  # slider echoes, if any, arrive after the button's own update
    mae_after_descent = mae_in(ex.readout_text())
    ex.screenshot(ARTIFACTS / "a01_explorer_after_descent.png")
    page.screenshot(path=ARTIFACTS / "a01_page.png", full_page=True)
    assert mae_after_descent is not None, ex.readout_text()
    assert mae_after_descent < mae_one_more, (
        f"gradient descent did not lower the MAE: {mae_one_more} -> {mae_after_descent}")

    no_page_errors(page_errors)


# -- week 2 ------------------------------------------------------------------------------------

LR_EXPONENTS = (-3.0, 0.5)  # LearningRateExplorer.LR_RANGE: the log slider's track, in log10(α)


def lr_fraction(lr: float) -> float:
    """Where α sits on the learning-rate slider's track (it is linear in log10 α)."""
    import math

    low, high = LR_EXPONENTS
    return (math.log10(lr) - low) / (high - low)


def test_gradient_descent_explorers_respond(lab, page_and_errors):
    page, page_errors = page_and_errors
    open_solved(lab, page, page_errors, A02)

    # -- learning-rate explorer ---------------------------------------------------------------
    ex = browser.find_explorer(page, "show_learning_rate_explorer(globals())")
    lr, x0, steps = ex.slider("learning rate"), ex.slider("start x0"), ex.slider("steps")
    curve = ex.toggle_buttons("curve")
    for control in (lr, x0, steps, curve):
        control.wait_for()
    canvas = browser.settled_canvas(page, ex.canvas)
    ex.screenshot(ARTIFACTS / "a02_learning_rate_before.png")
    # Shown (cell 8) before gradient_descent is defined (cell 10): the explorer says so.
    assert "not written yet" in ex.readout_text(), ex.readout_text()
    assert browser.slider_readout(lr) == "0.100", browser.slider_readout(lr)

    # One arrow-key step: the student's gradient_descent exists now, α = 0.1 · 10^0.01 converges.
    text = ex.readout.text_content()
    handle = lr.locator(".noUi-handle").first
    handle.click()  # a click on the handle itself does not move it
    handle.press("ArrowRight")
    text = browser.wait_text_changed(page, ex.readout, text, r"^converges")
    assert float(browser.slider_readout(lr)) > 0.1, browser.slider_readout(lr)
    assert "stable below 1" in text, text
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="learning rate, first step")
    ex.screenshot(ARTIFACTS / "a02_learning_rate_converges.png")

    # Drag the handle with the mouse past the stability bound α = 1, to about α = 2: it diverges.
    browser.drag_slider(page, lr, lr_fraction(2.0))
    browser.wait_text_changed(page, ex.readout, text, r"^diverges")
    text = browser.settled_text(page, ex.readout)  # the slider updates continuously while dragged
    dragged_to = float(browser.slider_readout(lr))
    assert 1.2 < dragged_to < 3.2, f"the drag put α at {dragged_to}, not near 2"
    assert bold_word(text) == "diverges", text
    shown = float(re.search(r"α = ([0-9.]+)", text).group(1))
    assert abs(shown - dragged_to) < 0.01 * dragged_to, (dragged_to, text)
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="learning rate, dragged to diverge")
    ex.screenshot(ARTIFACTS / "a02_learning_rate_diverges.png")

    # Exactly on the bound (typed into the slider's readout): x² bounces between ±x0 for ever.
    browser.set_slider_readout(page, lr, "1")
    text = browser.wait_text_changed(page, ex.readout, text, r"^oscillates")
    assert browser.slider_readout(lr) == "1.000", browser.slider_readout(lr)
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="learning rate, typed α = 1")
    ex.screenshot(ARTIFACTS / "a02_learning_rate_oscillates.png")

    # Fewer steps: the verdict stays (it looks at a long run) but the picture and its title change.
    steps_before = int(browser.slider_readout(steps))
    steps_handle = steps.locator(".noUi-handle").first
    steps_handle.click()
    for _ in range(10):
        steps_handle.press("ArrowLeft")
    page.wait_for_function("([el, n]) => parseInt(el.textContent) === n",
                           arg=[steps.locator(".widget-readout").first.element_handle(), steps_before - 10])
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="steps slider")
    assert bold_word(ex.readout_text()) == "oscillates", ex.readout_text()

    # The quartic curve: a different bound (2 / f''(x*) at its global minimum) and a different picture.
    text = ex.readout.text_content()
    curve.get_by_role("button", name="quartic").click()
    text = browser.wait_text_changed(page, ex.readout, text, r"stable below")
    assert "stable below 1 " not in text + " ", text
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="curve buttons")
    ex.screenshot(ARTIFACTS / "a02_learning_rate_quartic.png")

    # -- loss-contour explorer ----------------------------------------------------------------
    ex = browser.find_explorer(page, "show_loss_contour_explorer(")
    feature = ex.toggle_buttons("feature")
    unscaled = feature.get_by_role("button", name="unscaled x")
    standardized = feature.get_by_role("button", name="standardized z")
    alpha = ex.slider("α × λmax / 2")
    for control in (unscaled, standardized, alpha):
        control.wait_for()
    assert "mod-active" in (unscaled.get_attribute("class") or "")
    canvas = browser.settled_canvas(page, ex.canvas)
    text = ex.readout_text()
    assert "condition number" in text, text
    ex.screenshot(ARTIFACTS / "a02_loss_contours_before.png")

    standardized.click()
    after = browser.wait_text_changed(page, ex.readout, ex.readout.text_content())
    assert "mod-active" in (standardized.get_attribute("class") or "")
    if "path from" in after:  # the explorer names the path's source: the solved notebook's own functions
        assert "path from your gradient_descent" in after, after
    alpha_of = re.compile(r"α = ([0-9.eE+-]+)")
    assert alpha_of.search(text).group(1) != alpha_of.search(after).group(1), (text, after)
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="scaled toggle")
    ex.screenshot(ARTIFACTS / "a02_loss_contours_after.png")

    # α past the stable limit (0.90 -> 1.10 in four arrow steps): the readout follows.
    text = ex.readout.text_content()
    alpha_handle = alpha.locator(".noUi-handle").first
    alpha_handle.click()
    for _ in range(4):
        alpha_handle.press("ArrowRight")
    browser.wait_text_changed(page, ex.readout, text, r"\(1\.10 of the stable limit")
    assert browser.slider_readout(alpha) == "1.10", browser.slider_readout(alpha)
    browser.wait_canvas_changed(page, ex.canvas, canvas, what="α slider")
    ex.screenshot(ARTIFACTS / "a02_loss_contours_unstable.png")

    no_page_errors(page_errors)


# -- week 3 ------------------------------------------------------------------------------------

SAMPLES = re.compile(r"after (\d+) samples")


def readout_rows(text: str) -> dict[str, list[str]]:
    """The batch-path readout's table: run name -> [batch size, updates, per epoch, MSE]."""
    rows = {}
    for name in ("mini-batch", "batch", "SGD"):
        match = re.search(rf"(?m)^{re.escape(name)} \((\d+)\)\s+(\d+)\s+(\d+)\s+([0-9.]+)", text)
        if match:
            rows[name] = list(match.groups())
    return rows


def test_batches_and_early_stopping_explorers_respond(lab, page_and_errors):
    page, page_errors = page_and_errors
    open_solved(lab, page, page_errors, A03)

    # -- batch-size path explorer -------------------------------------------------------------
    ex = browser.find_explorer(page, "show_batch_path_explorer(globals())")
    samples, menu = ex.slider("samples processed"), ex.dropdown("mini-batch size")
    for control in (samples, menu, ex.slider("learning rate α")):
        control.wait_for()
    canvas = browser.settled_canvas(page, ex.canvas)
    text = ex.readout_text()
    ex.screenshot(ARTIFACTS / "a03_batch_paths_before.png")
    assert SAMPLES.search(text).group(1) == "100", text
    rows = readout_rows(text)
    assert set(rows) == {"batch", "mini-batch", "SGD"}, text
    assert rows["batch"][:3] == ["100", "1", "1"] and rows["SGD"][:3] == ["1", "100", "100"], rows
    # Shown (cell 5) before sgd_linear_regression is defined: torch's paths, and a note saying so.
    assert "torch.optim.SGD" in text, text

    # Drag "samples processed" to about 30 % of 0..2000: every run has made more updates.
    # The slider updates continuously, so the readout passes through the values on the way:
    # wait for the one the handle was dropped at.
    browser.drag_slider(page, samples, 0.3)
    n = int(browser.slider_readout(samples))
    assert 450 <= n <= 750, f"the drag put the slider at {n}, not near 600"
    text = browser.wait_text_changed(page, ex.readout, "", rf"after {n} samples")
    after = readout_rows(text)
    assert after["batch"][1] == str(n // 100) and after["SGD"][1] == str(n), after
    # Full-batch GD's MSE falls at every update (SGD's is noisy: that is the explorer's point).
    assert float(after["batch"][3]) < float(rows["batch"][3]), (rows, after)
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="samples slider")
    ex.screenshot(ARTIFACTS / "a03_batch_paths_after_samples.png")

    # Mini-batch size 10 -> 50 from the menu: the runs are recomputed, now by the student's function.
    text = ex.readout.text_content()
    menu.select_option("50")
    text = browser.wait_text_changed(page, ex.readout, text, r"mini-batch \(50\)")
    rows = readout_rows(text)
    assert rows["mini-batch"][0] == "50" and rows["mini-batch"][2] == "2", rows
    assert "your sgd_linear_regression" in text, text
    browser.wait_canvas_changed(page, ex.canvas, canvas, what="mini-batch menu")
    ex.screenshot(ARTIFACTS / "a03_batch_paths_after_batch_size.png")

    # -- early-stopping explorer --------------------------------------------------------------
    ex = browser.find_explorer(page, "show_early_stopping_explorer(globals())")
    patience, model = ex.slider("patience"), ex.toggle_buttons("model")
    for control in (patience, model):
        control.wait_for()
    canvas = browser.settled_canvas(page, ex.canvas)
    text = ex.readout_text()
    ex.screenshot(ARTIFACTS / "a03_early_stopping_before.png")
    # Shown (cell 7) before EarlyStopping is written: the learning curves only.
    assert "not written yet" in text and "best_epoch" not in text, text
    assert browser.slider_readout(patience) == "5"

    stop_of = re.compile(r"best_epoch = (\d+), validation RMSE ([0-9.]+); stopped at epoch (\d+|never)")

    # Patience 5 -> 3 with the keyboard: the student's EarlyStopping runs, best and stop epochs appear.
    handle = patience.locator(".noUi-handle").first
    handle.click()
    handle.press("ArrowLeft")
    handle.press("ArrowLeft")
    browser.wait_text_changed(page, ex.readout, text, r"best_epoch = \d+")
    text = browser.settled_text(page, ex.readout)  # each key press is its own update: 4, then 3
    assert browser.slider_readout(patience) == "3"
    best_3, _, stop_3 = stop_of.search(text).groups()
    assert stop_3 != "never" and int(stop_3) == int(best_3) + 3, text
    assert "best_params are not" not in text, text  # the solution copies the weights
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="patience slider")
    ex.screenshot(ARTIFACTS / "a03_early_stopping_patience_3.png")

    # Drag patience to about 25: it waits longer, so it stops later (or never) and finds a best epoch no worse.
    browser.drag_slider(page, patience, (25 - 1) / (40 - 1))
    browser.wait_text_changed(page, ex.readout, text, r"best_epoch = \d+")
    text = browser.settled_text(page, ex.readout)  # the slider updates continuously while dragged
    value = int(browser.slider_readout(patience))
    assert 18 <= value <= 32, value
    best, rmse, stop = stop_of.search(text).groups()
    assert f"patience {value}" not in text  # the status line is on the canvas, not in the readout
    assert stop == "never" or int(stop) > int(stop_3), (stop_3, stop, text)
    assert int(best) >= int(best_3), (best_3, best)
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="patience drag")
    ex.screenshot(ARTIFACTS / "a03_early_stopping_patience_high.png")

    # Degree 1 (the true model's shape): new learning curves, the readout follows.
    text = ex.readout.text_content()
    model.get_by_role("button", name="degree 1").click()
    browser.wait_text_changed(page, ex.readout, text, r"best_epoch = \d+")
    browser.wait_canvas_changed(page, ex.canvas, canvas, what="degree buttons")
    ex.screenshot(ARTIFACTS / "a03_early_stopping_degree_1.png")

    no_page_errors(page_errors)
