"""The course's explorers in a real JupyterLab, driven by Chromium through Playwright.

Copies of the release notebooks of weeks 1-5, with every solution cell filled in, are opened in
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
    week 4  a04: dartboard (bias and variance sliders),
                 bias-variance explorer (degree slider, L2 slider)
    week 5  a05: XOR hidden-space explorer (weights typed in until XOR is solved, activation menu),
                 activation explorer (weight scale drag, activation menu),
                 vanishing-gradient explorer (depth drag, activation menu, init scale typed in)
"""

from __future__ import annotations

import re

import pytest

import browser

A01 = "a01_models_and_loss"
A02 = "a02_gradient_descent"
A03 = "a03_batches_epochs_validation"
A04 = "a04_bias_variance"
A05 = "a05_activations"
ARTIFACTS = browser.ARTIFACTS

_MISSING = browser.missing_browser_reason()
pytestmark = [pytest.mark.browser, pytest.mark.skipif(_MISSING is not None, reason=_MISSING or "")]

MAE = re.compile(r"MAE\s*=\s*(-?\d+(?:\.\d+)?)")


def mae_in(text: str) -> float | None:
    match = MAE.search(text)
    return float(match.group(1)) if match else None


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """One JupyterLab server on a folder holding a01 to a05, solved; yields (server, code cells per notebook)."""
    solved = {name: browser.solved(name) for name in (A01, A02, A03, A04, A05)}
    with browser.lab_with(tmp_path_factory.mktemp("lab_root"), tmp_path_factory.mktemp("lab_home"), solved) as lab:
        yield lab


def no_page_errors(errors: list[str]) -> None:
    assert not [e for e in errors if e.startswith("pageerror")], errors


def bold_word(readout_text: str) -> str:
    return readout_text.split()[0] if readout_text.strip() else ""


# -- week 1 ------------------------------------------------------------------------------------

def test_house_price_explorer_responds_to_slider_and_descent(lab, page_and_errors):
    page, page_errors = page_and_errors
    browser.open_solved(lab, page, page_errors, A01)

    ex = browser.find_explorer(page, "show_house_price(globals())")
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
    browser.open_solved(lab, page, page_errors, A02)

    # -- learning-rate explorer ---------------------------------------------------------------
    ex = browser.find_explorer(page, "show_learning_rate(globals())")
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
    ex = browser.find_explorer(page, "show_loss_contours(")
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

    old = ex.readout.text_content()  # read before the click: the kernel may answer at once
    standardized.click()
    after = browser.wait_text_changed(page, ex.readout, old)
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
    browser.open_solved(lab, page, page_errors, A03)

    # -- batch-size path explorer -------------------------------------------------------------
    ex = browser.find_explorer(page, "show_batch_paths(globals())")
    samples, menu = ex.slider("samples processed"), ex.dropdown("mini-batch size")
    canvas, text = ex.at_rest([samples, menu, ex.slider("learning rate α")], ARTIFACTS / "a03_batch_paths_before.png")
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
    ex = browser.find_explorer(page, "show_early_stopping(globals())")
    patience, model = ex.slider("patience"), ex.toggle_buttons("model")
    canvas, text = ex.at_rest([patience, model], ARTIFACTS / "a03_early_stopping_before.png")
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


# -- week 4 ------------------------------------------------------------------------------------

def number_after(label: str, text: str) -> float:
    """The number that follows `label` in a readout's text."""
    match = re.search(rf"{re.escape(label)}\s*(-?[0-9.]+(?:e[+-]?\d+)?)", text)
    assert match, f"no {label!r} in the readout: {text!r}"
    return float(match.group(1))


def slider_value(slider) -> float:
    """A float slider's readout as a number (d3-format writes negatives with a Unicode minus)."""
    return float(browser.slider_readout(slider).replace("\u2212", "-"))


def press(slider, key: str, times: int) -> None:
    handle = slider.locator(".noUi-handle").first
    handle.click()  # a click on the handle itself does not move it
    for _ in range(times):
        handle.press(key)


def test_bias_variance_and_dartboard_explorers_respond(lab, page_and_errors):
    page, page_errors = page_and_errors
    browser.open_solved(lab, page, page_errors, A04)

    # -- dartboard ----------------------------------------------------------------------------
    ex = browser.find_explorer(page, "show_dartboard(globals())")
    bias, variance = ex.slider("bias"), ex.slider("variance")
    canvas, text = ex.at_rest([bias, variance], ARTIFACTS / "a04_dartboard_before.png")
    assert "mean squared distance from the centre" in text, text
    assert browser.slider_readout(bias) == "0.50", browser.slider_readout(bias)

    # Bias 0.50 -> 0.70 with the keyboard: the solved dartboard_stats measures it from the shots.
    old = ex.readout.text_content()  # read before the key presses: the kernel may answer at once
    press(bias, "ArrowRight", 4)
    browser.wait_text_changed(page, ex.readout, old, r"dartboard_stats: bias 0\.700")
    text = browser.settled_text(page, ex.readout)
    assert browser.slider_readout(bias) == "0.70", browser.slider_readout(bias)
    assert number_after("dartboard_stats: bias", text) == 0.7, text
    assert abs(number_after("variance", text) - 0.2) < 1e-3, text
    mse = number_after("mean squared distance from the centre:", text)
    assert abs(mse - (0.49 + 0.2)) < 1e-3, text  # bias² + variance
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="dartboard bias")
    ex.screenshot(ARTIFACTS / "a04_dartboard_bias.png")

    # Drag variance to about 0.8: the spread grows, the measured bias stays.
    browser.drag_slider(page, variance, 0.8)
    browser.wait_text_changed(page, ex.readout, text)
    text = browser.settled_text(page, ex.readout)
    dragged_to = float(browser.slider_readout(variance))
    assert 0.6 <= dragged_to <= 1.0, dragged_to
    assert abs(number_after("variance", text) - dragged_to) < 1e-3, (dragged_to, text)
    assert number_after("dartboard_stats: bias", text) == 0.7, text
    browser.wait_canvas_changed(page, ex.canvas, canvas, what="dartboard variance")
    ex.screenshot(ARTIFACTS / "a04_dartboard_variance.png")

    # -- bias-variance explorer ---------------------------------------------------------------
    ex = browser.find_explorer(page, "show_bias_variance(globals())")
    degree, l2 = ex.slider("degree"), ex.slider("L2")
    canvas, text = ex.at_rest([degree, l2], ARTIFACTS / "a04_bias_variance_before.png")
    assert re.search(r"degree 3, L2 0,", text), text
    assert browser.slider_readout(degree) == "3" and browser.slider_readout(l2) == "0"

    # Degree 3 -> 9 with the keyboard: the notebook's own simulate_fits and decomposition run now.
    press(degree, "ArrowRight", 6)
    browser.wait_text_changed(page, ex.readout, text, r"degree 9, L2 0,[\s\S]*measured test MSE")
    text = browser.settled_text(page, ex.readout)
    assert browser.slider_readout(degree) == "9", browser.slider_readout(degree)
    variance_9 = number_after("variance", text)
    total = number_after("=", text)
    parts = [number_after(name, text) for name in ("bias²", "variance", "noise")]
    assert abs(sum(parts) - total) < 2e-4, text
    assert "Pass your" not in text and "Error" not in text, text
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="degree slider")
    ex.screenshot(ARTIFACTS / "a04_bias_variance_degree_9.png")

    # Back to degree 3 by mouse: a stiffer model varies less across data sets.
    browser.drag_slider(page, degree, 3 / 10)
    browser.wait_text_changed(page, ex.readout, text, r"degree 3, L2 0,")
    text = browser.settled_text(page, ex.readout)
    assert browser.slider_readout(degree) == "3", browser.slider_readout(degree)
    assert number_after("variance", text) < variance_9, (variance_9, text)
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="degree drag")

    # Degree 9 again, then L2 0 -> 0.01 (five steps of the selection slider): ridge tames the variance.
    press(degree, "ArrowRight", 6)
    browser.wait_text_changed(page, ex.readout, text, r"degree 9, L2 0,")
    text = browser.settled_text(page, ex.readout)
    press(l2, "ArrowRight", 5)
    browser.wait_text_changed(page, ex.readout, text, r"degree 9, L2 0\.01,")
    text = browser.settled_text(page, ex.readout)
    assert browser.slider_readout(l2) == "0.01", browser.slider_readout(l2)
    assert number_after("variance", text) < variance_9, (variance_9, text)
    browser.wait_canvas_changed(page, ex.canvas, canvas, what="L2 slider")
    ex.screenshot(ARTIFACTS / "a04_bias_variance_l2.png")

    no_page_errors(page_errors)


# -- week 5 ------------------------------------------------------------------------------------

# Weights of a 2-2-1 step network that computes XOR: h1 = OR, h2 = AND, out = h1 - h2 - 0.5.
XOR_WEIGHTS = {"w21 (x2→h1)": "1", "b1 (h1)": "-0.5", "w12 (x1→h2)": "1", "b2 (h2)": "-1.5",
               "v2 (h2→out)": "-1"}


def test_activation_xor_and_vanishing_gradient_explorers_respond(lab, page_and_errors):
    page, page_errors = page_and_errors
    browser.open_solved(lab, page, page_errors, A05)

    # -- XOR hidden-space explorer ------------------------------------------------------------
    ex = browser.find_explorer(page, "show_xor_space()")
    menu = ex.dropdown("activation")
    weights = [ex.slider(label) for label in XOR_WEIGHTS]
    canvas, text = ex.at_rest([menu, *weights], ARTIFACTS / "a05_xor_before.png")
    assert "1 of 4 wrong" in text, text  # the default weights compute OR

    # Type the XOR weights into the sliders' readouts, one at a time (not every one changes the
    # table: b1 -0.5 moves h1's line but no point crosses it), until the readout says it is solved.
    before = ex.readout.text_content()
    for label, value in XOR_WEIGHTS.items():
        slider = ex.slider(label)
        browser.set_slider_readout(page, slider, value)
        assert slider_value(slider) == float(value), (label, browser.slider_readout(slider))
    browser.wait_text_changed(page, ex.readout, before, "solves XOR")
    text = browser.settled_text(page, ex.readout)
    assert "solves XOR" in text, text
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="XOR weights")
    ex.screenshot(ARTIFACTS / "a05_xor_solved.png")

    # Sigmoid hidden units with these small weights: the points move off the corners, XOR is lost.
    old = ex.readout.text_content()
    menu.select_option("sigmoid")
    text = browser.wait_text_changed(page, ex.readout, old)
    assert "solves XOR" not in text and "wrong" in text, text
    browser.wait_canvas_changed(page, ex.canvas, canvas, what="XOR activation menu")
    ex.screenshot(ARTIFACTS / "a05_xor_sigmoid.png")

    # -- activation explorer ------------------------------------------------------------------
    ex = browser.find_explorer(page, "show_activations(globals())")
    menu, scale = ex.dropdown("activation"), ex.slider("weight scale")
    canvas, text = ex.at_rest([menu, scale], ARTIFACTS / "a05_activation_before.png")
    assert browser.slider_readout(scale) == "0.10", browser.slider_readout(scale)
    assert number_after("std of z:", text) == 1.0 and number_after("saturated units (f′ < 5% of max):", text) == 0

    # Drag the weight scale to about 0.8: z spreads out (std ≈ 8), most sigmoid units saturate,
    # and the curves now come from the notebook's own sigmoid and sigmoid_grad.
    browser.drag_slider(page, scale, (0.8 - 0.01) / (1.0 - 0.01))
    browser.wait_text_changed(page, ex.readout, text, r"curves from your functions")
    text = browser.settled_text(page, ex.readout)
    dragged_to = float(browser.slider_readout(scale))
    assert 0.6 <= dragged_to <= 1.0, dragged_to
    assert abs(number_after("std of z:", text) - 10 * dragged_to) < 0.2, (dragged_to, text)
    assert number_after("saturated units (f′ < 5% of max):", text) >= 40, text
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="weight scale drag")
    ex.screenshot(ARTIFACTS / "a05_activation_saturated.png")

    menu.select_option("relu")
    text = browser.wait_text_changed(page, ex.readout, text, r"^relu")
    assert "curves from your functions" in text, text
    browser.wait_canvas_changed(page, ex.canvas, canvas, what="activation menu")
    ex.screenshot(ARTIFACTS / "a05_activation_relu.png")

    # -- vanishing-gradient explorer ----------------------------------------------------------
    ex = browser.find_explorer(page, "show_vanishing_gradients()")
    depth, menu, scale = ex.slider("depth"), ex.dropdown("activation"), ex.slider("init scale")
    canvas, text = ex.at_rest([depth, menu, scale], ARTIFACTS / "a05_vanishing_before.png")
    assert browser.slider_readout(depth) == "10", browser.slider_readout(depth)
    ratio_10 = number_after("first / last:", text)
    assert ratio_10 < 1e-3, text  # sigmoid: the first layer's gradient has all but vanished

    # Drag the depth to about 20: the first layer's gradient vanishes further.
    browser.drag_slider(page, depth, (20 - 2) / (30 - 2))
    browser.wait_text_changed(page, ex.readout, text)
    text = browser.settled_text(page, ex.readout)
    deeper = int(browser.slider_readout(depth))
    assert 15 <= deeper <= 25, deeper
    assert number_after("first / last:", text) < ratio_10 * 1e-2, (ratio_10, text)
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="depth drag")
    ex.screenshot(ARTIFACTS / "a05_vanishing_deep_sigmoid.png")

    # ReLU, and the He scale √2 typed in: the gradient keeps its size through the depth.
    menu.select_option("relu")
    text = browser.wait_text_changed(page, ex.readout, text)
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="activation menu")
    last_before = number_after("last layer:", text)
    browser.set_slider_readout(page, scale, "1.4")
    text = browser.wait_text_changed(page, ex.readout, text)
    text = browser.settled_text(page, ex.readout)
    assert browser.slider_readout(scale) == "1.40", browser.slider_readout(scale)
    assert 0.01 < number_after("first / last:", text) < 100, text
    assert number_after("last layer:", text) > last_before, (last_before, text)
    browser.wait_canvas_changed(page, ex.canvas, canvas, what="init scale")
    ex.screenshot(ARTIFACTS / "a05_vanishing_relu_he.png")

    no_page_errors(page_errors)
