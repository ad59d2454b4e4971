"""The explorers of weeks 6-8 in a real JupyterLab, driven by Chromium through Playwright.

As tests/test_browser.py does for weeks 1-5: copies of the release notebooks, every solution cell
filled in from source/, are opened in one throw-away JupyterLab (never the repository's files:
JupyterLab autosaves what it opens). Each test opens one notebook, runs all its cells, then
operates every explorer in it the way a student or an instructor would (buttons, play / pause,
arrow keys, typing into a slider's readout, dropdown menus, toggle buttons, clicks on the canvas)
and checks that the readout and the picture follow. Screenshots of each explorer before and
after go to tests/artifacts/browser/.

    week 6  a06: backprop stepper (step ▶ through the forward pass to ŷ and E, back to ∂E/∂θ1,
                 the update lowers E; α typed in; the student's layer functions match autograd),
                 optimizer race (SGD's lr typed past 2/κ, κ by keyboard, "use my optimizer
                 steps", the surface buttons),
                 playground (step, play and pause, data set, preset, the student's numpy engine)
    week 7  a07: training monitor (an Image widget, not a canvas): both runs' curves and epochs
    week 8  a08: convolution explorer (kernel menu, window typed in, stride and padding by
                 keyboard), feature maps (image slider, layer menu, colour buttons), confusion
                 explorer (a click on the matrix, the true / predicted class menus). The copy's CNN
                 trains 2 epochs and its transfer experiment runs one short seed, to keep it fast.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np
import pytest

import browser

A06 = "a06_backprop"
A07 = "a07_pytorch"
A08 = "a08_cnn_fashion_mnist"
ARTIFACTS = browser.ARTIFACTS

# Run All: a06 trains three small MLPs, a07 two for 150 epochs and one with early stopping, a08 a
# small CNN; on a busy two-core machine that takes minutes, not seconds (a07 took 4 to 10 minutes).
RUN_ALL_MS = {A06: 600_000, A07: 1_200_000, A08: 600_000}

# What the copy of a08 runs instead of its long training (the lines must be in the release).
A08_SHORTER = {
    'n_epochs = 1 if QUICK else (3 if data.source == "full" else 15)': "n_epochs = 2",
    "results = transfer_experiment(seeds=(0,), pre_epochs=1, epochs=2) if QUICK else transfer_experiment()":
        "results = transfer_experiment(seeds=(0,), pre_epochs=1, epochs=2)",
}

_MISSING = browser.missing_browser_reason()
pytestmark = [pytest.mark.browser, pytest.mark.skipif(_MISSING is not None, reason=_MISSING or "")]

NUMBER = r"−?\d+(?:\.\d+)?(?:e[−+]?\d+)?"  # as the readouts write numbers: a real minus sign


def num(text: str) -> float:
    return float(text.replace("−", "-").replace(",", ""))


def shortened(nb, replacements: dict[str, str]):
    """`nb` with each line of `replacements` swapped in its code cell (each must occur exactly once)."""
    for old, new in replacements.items():
        cells = [cell for cell in nb.cells if cell.cell_type == "code" and old in cell.source]
        assert len(cells) == 1, f"expected one cell with {old!r} in the release, found {len(cells)}"
        cells[0].source = cells[0].source.replace(old, new)
    return nb


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """One JupyterLab server on a folder holding a06 to a08, solved; yields (server, code cells per notebook)."""
    solved = {name: browser.solved(name) for name in (A06, A07, A08)}
    solved[A08] = shortened(solved[A08], A08_SHORTER)
    with browser.lab_with(tmp_path_factory.mktemp("lab_root"), tmp_path_factory.mktemp("lab_home"), solved) as lab:
        yield lab


def open_solved(lab, page, errors, name: str) -> None:
    browser.open_solved(lab, page, errors, name, timeout_ms=RUN_ALL_MS[name])


def no_page_errors(errors: list[str]) -> None:
    assert not [e for e in errors if e.startswith("pageerror")], errors


# -- finding a view ----------------------------------------------------------------------------

def cell_calling(page, call: str):
    cell = page.locator(".jp-Notebook .jp-CodeCell").filter(has_text=call)
    assert cell.count() == 1, f"expected one cell calling {call}, found {cell.count()}"
    cell.scroll_into_view_if_needed()
    return cell


def html_with(page, box, pattern: str, timeout_ms: float = 30_000):
    """The HTML widget in `box` whose text matches `pattern` now, pinned by its position (its text
    changes later)."""
    htmls = box.locator(".widget-html-content")
    page.wait_for_function(
        """([box, pattern]) => [...box.querySelectorAll('.widget-html-content')]
            .some(el => new RegExp(pattern).test(el.textContent))""",
        arg=[box.element_handle(), pattern], timeout=timeout_ms, polling=200)
    for i in range(htmls.count()):
        if re.search(pattern, htmls.nth(i).text_content() or ""):
            return htmls.nth(i)
    raise AssertionError(f"no readout matching {pattern!r}")


def find_view(page, call: str, readout: str, timeout_ms: float = 60_000) -> browser.Explorer:
    """The ipympl explorer shown by the cell calling `call`, whatever its boxes (VBox or HBox), with
    the HTML readout whose text matches `readout`; its canvas drawn at least once."""
    cell = cell_calling(page, call)
    output = cell.locator(".jp-OutputArea-output").filter(has=page.locator(".jupyter-matplotlib-canvas-div")).first
    output.wait_for(state="visible", timeout=timeout_ms)
    box = output.locator(".widget-box").first  # the explorer's outermost box
    canvas = box.locator(".jupyter-matplotlib-canvas-div").first
    canvas.wait_for(state="visible", timeout=timeout_ms)
    page.wait_for_function("(el) => el.querySelector('canvas') && el.querySelector('canvas').width > 0",
                           arg=canvas.element_handle(), timeout=timeout_ms)
    explorer = browser.Explorer(page=page, output=output, box=box, canvas=canvas,
                                readout=html_with(page, box, readout, timeout_ms))
    box.scroll_into_view_if_needed()
    return explorer


def press(slider, key: str, times: int) -> None:
    handle = slider.locator(".noUi-handle").first
    handle.click()  # a click on the handle itself does not move it
    for _ in range(times):
        handle.press(key)


def button(ex: browser.Explorer, name: str):
    """The button (or toggle button) whose text is exactly `name` (an icon's glyph aside)."""
    return ex.box.locator("button").filter(has_text=re.compile(rf"^\s*{re.escape(name)}\s*$"))


def click_and_wait(page, ex: browser.Explorer, control, pattern: str | None = None, what: str = "") -> str:
    """Click `control`; wait for the readout to change (and match `pattern`). The readout is read
    before the click: the kernel may answer at once."""
    old = ex.readout.text_content()
    control.click()
    return browser.wait_text_changed(page, ex.readout, old, pattern, timeout_ms=30_000)


# -- week 6 ------------------------------------------------------------------------------------

def lecture_pass(lr: float) -> dict[str, np.ndarray]:
    """The lecture network's forward and backward pass and one update, in numpy (the test's own)."""
    from dlcourse import lecture_network as lecture

    x, t1, t2, y = lecture.X.ravel(), lecture.THETA1, lecture.THETA2.ravel(), float(lecture.Y.item())

    def forward(t1, t2):
        z = x @ t1
        h = 1 / (1 + np.exp(-z))
        z_out = float(h @ t2)
        y_hat = 1 / (1 + np.exp(-z_out))
        return z, h, z_out, y_hat, 0.5 * (y - y_hat) ** 2

    z, h, z_out, y_hat, error = forward(t1, t2)
    dy_hat = y_hat - y
    dz_out = dy_hat * y_hat * (1 - y_hat)
    dtheta2 = dz_out * h
    dh = dz_out * t2
    dz = dh * h * (1 - h)
    dtheta1 = np.outer(x, dz)
    error_new = forward(t1 - lr * dtheta1, t2 - lr * dtheta2)[4]
    return {"z": z, "h": h, "z_out": [z_out], "y_hat": [y_hat], "E": [error], "dy_hat": [dy_hat],
            "dz_out": [dz_out], "dtheta2": dtheta2, "dh": dh, "dz": dz, "dtheta1": dtheta1.ravel(),
            "E_new": error_new}


# After k presses of step ▶, the readout's formulas end in these values (one per line).
STEPPED = ["z", "h", "z_out", "y_hat", "E", "dy_hat", "dz_out", "dtheta2", "dh", "dz", "dtheta1"]
LINE_RESULT = re.compile(rf"(?m)= ({NUMBER})\s*$")
UPDATE = re.compile(rf"E: ({NUMBER}) → ({NUMBER}) \((lower|not lower[^)]*)\)")


def close(shown: float, want: float, digits: int = 3) -> bool:
    """`shown` is `want` written with `digits` significant digits."""
    return abs(shown - want) <= 0.51 * 10 ** (np.floor(np.log10(abs(want))) - digits + 1) + 1e-12


def test_backprop_optimizer_race_and_playground_respond(lab, page_and_errors):
    page, page_errors = page_and_errors
    open_solved(lab, page, page_errors, A06)

    # -- backprop stepper ---------------------------------------------------------------------
    ex = find_view(page, "show_backprop_stepper(globals())", "Numbers from PyTorch autograd")
    step, back, alpha = button(ex, "step ▶"), button(ex, "◀ back"), ex.slider("α")
    canvas, text = ex.at_rest([step, back, alpha, ex.slider("x1"), ex.slider("target y")],
                              ARTIFACTS / "a06_stepper_before.png")
    assert "press step ▶" in text and "x = [1.00, 0.500]" in text, text
    assert back.is_disabled()
    want = lecture_pass(lr=1.0)

    for k, key in enumerate(STEPPED, start=1):
        text = click_and_wait(page, ex, step)
        shown = [num(v) for v in LINE_RESULT.findall(text)]
        expected = list(np.ravel(want[key]))
        assert len(shown) == len(expected) and all(map(close, shown, expected)), (k, key, expected, text)
        # The student's layer functions are defined now (the stepper looks them up at each click).
        assert re.search(r"your functions give: ∂E/∂θ1 ✓ .*∂E/∂θ2 ✓ .*vs autograd", text), text
        canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what=f"stepper, stage {k}")
        if key == "E":  # the end of the forward pass: the slides' ŷ = 0.62 and E ≈ 0.072
            y_hat = num(re.search(rf"½\(1\.00 − ({NUMBER})\)²", text).group(1))
            error = num(LINE_RESULT.findall(text)[0])
            assert round(y_hat, 2) == 0.62 and round(error, 3) == 0.072, text
            ex.screenshot(ARTIFACTS / "a06_stepper_forward_error.png")
        if key == "dy_hat":
            assert "−0.380" in text, text
    ex.screenshot(ARTIFACTS / "a06_stepper_backward_dtheta1.png")

    # The update: θ ← θ − α ∂E/∂θ with α = 1 lowers E; step ▶ is then the last stage's, disabled.
    text = click_and_wait(page, ex, step, r"E: ")
    before, after, verdict = UPDATE.search(text).groups()
    assert close(num(before), want["E"][0]) and close(num(after), want["E_new"]), (want, text)
    assert num(after) < num(before) and verdict == "lower", text
    page.wait_for_function("(el) => el.disabled", arg=step.element_handle())
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="stepper, update")
    ex.screenshot(ARTIFACTS / "a06_stepper_update.png")

    # α = 10 typed in: the same step, ten times as long (the readout follows, verdict included).
    old = ex.readout.text_content()
    browser.set_slider_readout(page, alpha, "10")
    text = browser.wait_text_changed(page, ex.readout, old, r"E: ", timeout_ms=30_000)
    big = lecture_pass(lr=10.0)["E_new"]
    before, after, verdict = UPDATE.search(text).groups()
    assert close(num(after), big), (big, text)
    assert (verdict == "lower") == (big < want["E"][0]), text
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="stepper, α")

    # ◀ back: stage 11 again (∂E/∂θ1), step ▶ enabled.
    text = click_and_wait(page, ex, back)
    assert "E: " not in text and len(LINE_RESULT.findall(text)) == 6, text
    page.wait_for_function("(el) => !el.disabled", arg=step.element_handle())
    browser.wait_canvas_changed(page, ex.canvas, canvas, what="stepper, back")

    # -- optimizer race -----------------------------------------------------------------------
    ex = find_view(page, "show_optimizer_race(globals())", "Paths from torch.optim")
    kappa, surface = ex.slider("κ (bowl)"), ex.toggle_buttons("surface")
    sgd_row = ex.box.locator(".widget-hbox").filter(
        has=page.locator(".widget-html-content", has_text=re.compile(r"^SGD$"))).last
    sgd_lr = sgd_row.locator(".widget-slider").filter(
        has=page.locator(".widget-label", has_text=re.compile(r"^lr$")))
    mine = ex.box.locator(".widget-checkbox").filter(has_text="use my optimizer steps").locator("input")
    canvas, text = ex.at_rest([kappa, surface, sgd_lr, mine], ARTIFACTS / "a06_race_before.png")
    assert "2/κ = 0.0632" in text and "κ = 31.6" not in text, text  # the κ is in the plot's title

    def row(name: str, text: str) -> str:
        match = re.search(rf"(?m)^{name}\s+(.*)$", text)
        assert match, f"no {name} row in {text!r}"
        return match.group(1)

    assert "diverged" not in row("SGD", text), text  # lr 0.06 (0.0631 once the slider snaps it) < 2/κ

    # SGD's lr typed in past the stable limit 2/κ: it diverges.
    old = ex.readout.text_content()
    browser.set_slider_readout(page, sgd_lr, "0.1")
    text = browser.wait_text_changed(page, ex.readout, old, r"SGD\s*diverged at step \d+")
    assert "diverged" not in row("Adam", text), text
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="race, SGD lr")
    ex.screenshot(ARTIFACTS / "a06_race_sgd_diverges.png")

    # κ 31.6 -> 10 in ten arrow steps (0.05 in log10 each): 2/κ = 0.2, SGD with 0.1 is stable again.
    old = ex.readout.text_content()
    press(kappa, "ArrowLeft", 10)
    browser.wait_text_changed(page, ex.readout, old, r"2/κ = 0\.2\b")
    text = browser.settled_text(page, ex.readout)
    assert float(browser.slider_readout(kappa)) == 10, browser.slider_readout(kappa)
    assert "diverged" not in row("SGD", text), text
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="race, κ")
    ex.screenshot(ARTIFACTS / "a06_race_kappa_10.png")

    # The student's sgd_step ... adam_step beside torch.optim: all four paths agree.
    text = click_and_wait(page, ex, mine, r"yours vs torch\.optim")
    assert text.count("✓") == 4 and "✗" not in text, text
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="race, my steps")
    ex.screenshot(ARTIFACTS / "a06_race_mine.png")

    # Rosenbrock, then the saddle: new contours, new paths, the readout's notes follow.
    text = click_and_wait(page, ex, surface.get_by_role("button", name="Rosenbrock"), r"start \(-1\.2, 1\)")
    assert "2/κ" not in text and text.count("✓") == 4, text
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="race, Rosenbrock")
    ex.screenshot(ARTIFACTS / "a06_race_rosenbrock.png")
    text = click_and_wait(page, ex, surface.get_by_role("button", name="saddle"), r"the saddle point")
    browser.wait_canvas_changed(page, ex.canvas, canvas, what="race, saddle")
    ex.screenshot(ARTIFACTS / "a06_race_saddle.png")

    # -- playground ---------------------------------------------------------------------------
    ex = find_view(page, "show_playground(globals())", r"Epoch \d")
    play = ex.box.locator(".widget-play button").first  # play / pause, one button
    step, preset = button(ex, "step"), ex.dropdown("preset")
    numpy_engine = button(ex, "your numpy MLP")
    canvas, text = ex.at_rest([play, step, preset, numpy_engine], ARTIFACTS / "a06_playground_before.png")
    epoch = re.compile(r"Epoch ([\d,]+)")
    assert epoch.search(text).group(1) == "0" and "engine: PyTorch" in text, text

    text = click_and_wait(page, ex, step, r"Epoch 1\b")
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="playground, step")

    # Play for a while (until epoch 15 at least), then pause: the counter stops.
    play.click()
    page.wait_for_selector(".widget-play i.fa-pause", timeout=10_000)
    page.wait_for_function("(el) => Number((/Epoch ([\\d,]+)/.exec(el.textContent) || ['', '0'])[1]"
                           ".replace(/,/g, '')) >= 15", arg=ex.readout.element_handle(), timeout=90_000, polling=200)
    play.click()
    page.wait_for_selector(".widget-play i.fa-play", timeout=10_000)
    text = browser.settled_text(page, ex.readout, quiet_ms=1000, timeout_s=30)
    paused_at = num(epoch.search(text).group(1))
    page.wait_for_timeout(1000)
    assert num(epoch.search(ex.readout_text()).group(1)) == paused_at, "the playground kept training after pause"
    assert paused_at >= 15, text
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="playground, play")
    ex.screenshot(ARTIFACTS / "a06_playground_played.png")

    # Another data set: new points, a fresh network.
    text = click_and_wait(page, ex, button(ex, "spiral"), r"Epoch 0\b")
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="playground, data set")
    ex.screenshot(ARTIFACTS / "a06_playground_spiral.png")

    # A teacher preset: xor with the feature x1·x2 alone and no hidden layer.
    old = ex.readout.text_content()
    preset.select_option("xor with x1·x2 solves it at once")
    browser.wait_text_changed(page, ex.readout, old, r"Epoch 0\b")
    page.wait_for_function("(el) => el.textContent.includes('0 hidden layers')",
                           arg=html_with(page, ex.box, r"hidden layer").element_handle())
    chosen = button(ex, "x1·x2")
    assert "mod-active" in (chosen.get_attribute("class") or ""), chosen.get_attribute("class")
    assert "mod-active" not in (button(ex, "x1").get_attribute("class") or "")
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="playground, preset")
    ex.screenshot(ARTIFACTS / "a06_playground_preset.png")

    # The student's numpy MLP as the engine, then a few steps with it.
    text = click_and_wait(page, ex, numpy_engine, r"engine: your numpy MLP")
    for n in range(1, 4):
        text = click_and_wait(page, ex, step, rf"Epoch {n}\b")
    assert "engine: your numpy MLP" in text and "training with PyTorch instead" not in text, text
    assert np.isfinite(num(re.search(rf"train loss ({NUMBER})", text).group(1))), text
    browser.wait_canvas_changed(page, ex.canvas, canvas, what="playground, numpy engine")
    ex.screenshot(ARTIFACTS / "a06_playground_numpy.png")

    no_page_errors(page_errors)


# -- week 7 ------------------------------------------------------------------------------------

BLUE, ORANGE = (0, 114, 178), (230, 159, 0)  # dlcourse.viz.palette's BLUE and ORANGE


def colour_columns(png: bytes, rgb: tuple[int, int, int], tolerance: int = 40) -> int:
    """How many pixel columns of the picture hold the colour `rgb` (a curve spans many)."""
    from PIL import Image

    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    near = np.abs(pixels - np.array(rgb)).sum(axis=2) <= tolerance
    return int(near.any(axis=0).sum())


def find_monitor(page, call: str, timeout_ms: float = 60_000):
    """(output, image, readout) of the training monitor shown by the cell calling `call`."""
    cell = cell_calling(page, call)
    output = cell.locator(".jp-OutputArea-output").filter(has=page.locator("img.widget-image")).first
    output.wait_for(state="visible", timeout=timeout_ms)
    box = output.locator(".widget-box").first
    image = box.locator("img.widget-image").first
    page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=image.element_handle(),
                           timeout=timeout_ms)
    box.scroll_into_view_if_needed()
    return output, image, html_with(page, box, r"epoch|waiting")


def check_monitor(page, call: str, runs: list[str], screenshot: Path) -> dict[str, int]:
    """The monitor after its loop: a PNG with a curve per run, a readout naming every run's epochs."""
    output, image, readout = find_monitor(page, call)
    text = readout.inner_text()
    epochs = {}
    for name in runs:
        match = re.search(rf"{re.escape(name)}: epoch (\d+), validation loss ({NUMBER}), accuracy ({NUMBER})", text)
        assert match, f"{name} is not in the monitor's readout: {text!r}"
        epochs[name] = int(match.group(1))
        assert 0 <= num(match.group(3)) <= 1 and num(match.group(2)) > 0, text
    src = image.get_attribute("src") or ""
    assert src.startswith(("blob:", "data:image/png")), src[:40]
    png = image.screenshot()
    output.screenshot(path=screenshot)
    natural = page.evaluate("(img) => [img.naturalWidth, img.naturalHeight]", image.element_handle())
    assert natural[0] > 400 and natural[1] > 150, natural
    for name, colour in zip(runs, (BLUE, ORANGE)):
        # Two panels of curves, each a few hundred pixels wide (the legend's swatch is ~20).
        assert colour_columns(png, colour) > 150, f"no {name} curve ({colour}) in the monitor's picture"
    return epochs


def test_training_monitor_shows_both_runs(lab, page_and_errors):
    page, page_errors = page_and_errors
    open_solved(lab, page, page_errors, A07)

    epochs = check_monitor(page, "show_training_monitor([", ["plain", "batch norm"],
                           ARTIFACTS / "a07_training_monitor.png")
    assert epochs["plain"] == epochs["batch norm"] >= 10, epochs  # both ran every epoch, one after the other
    no_page_errors(page_errors)


# -- week 8 ------------------------------------------------------------------------------------

TERM = re.compile(rf"({NUMBER})·\(?({NUMBER})\)?")


def dot_product(text: str) -> tuple[float, float, list[float]]:
    """(the sum of the readout's nine products, the result it writes, the window's pixels)."""
    line = next(line for line in text.splitlines() if line.count("·") >= 9 and " + " in line)
    terms = TERM.findall(line.split(" = ")[0])
    assert len(terms) == 9, line
    result = num(line.rsplit(" = ", 1)[1])
    return sum(num(x) * num(w) for x, w in terms), result, [num(x) for x, _ in terms]


def conv_cell(text: str) -> float:
    return num(re.search(rf"conv output cell = ({NUMBER})", text).group(1))


def matrix_cell_centre(canvas, true: int, pred: int) -> tuple[float, float]:
    """Where cell (true, pred) of the confusion explorer's 10x10 matrix is on the page.

    confusion.py: a 9.6 x 4.8 in figure, the matrix's axes at (0.135, 0.19, 0.4, 0.72) of it, its
    image square (aspect equal) and centred in them, so 3.456 in a side, 0.3456 in per cell.
    """
    box = canvas.locator("canvas").last.bounding_box()
    width, height, side = 9.6, 4.8, 0.72 * 4.8
    left = 0.135 * width + (0.4 * width - side) / 2
    top = height - (0.19 + 0.72) * height
    x = (left + (pred + 0.5) * side / 10) / width
    y = (top + (true + 0.5) * side / 10) / height
    return box["x"] + x * box["width"], box["y"] + y * box["height"]


def test_convolution_feature_maps_and_confusion_explorers_respond(lab, page_and_errors):
    page, page_errors = page_and_errors
    open_solved(lab, page, page_errors, A08)

    # -- convolution explorer -----------------------------------------------------------------
    ex = find_view(page, "show_convolution(", r"output size")
    kernel, window = ex.dropdown("kernel"), ex.slider("window")
    stride, padding = ex.slider("stride s"), ex.slider("padding p")
    canvas, text = ex.at_rest([kernel, window, stride, padding, ex.slider("image")],
                              ARTIFACTS / "a08_convolution_before.png")
    assert "kernel identity, stride 1, padding 0" in text and "= 26 → 26×26" in text, text

    # Sobel x from the menu: the readout writes its weights into the window's products.
    old = ex.readout.text_content()
    kernel.select_option("Sobel x")
    text = browser.wait_text_changed(page, ex.readout, old, r"kernel Sobel x")
    assert "conv2d_naive() matches" in text, text  # the notebook's own conv2d_naive, against torch
    total, result, _ = dot_product(text)
    assert abs(total - result) < 0.1 and abs(result - conv_cell(text)) < 0.0015, text
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="convolution, kernel menu")

    # The window typed in: cell (13, 13) of 26 x 26, inside the garment: a new dot product.
    old = ex.readout.text_content()
    browser.set_slider_readout(page, window, str(13 * 26 + 13))
    text = browser.wait_text_changed(page, ex.readout, old, r"window 351 → output cell \(row 13, column 13\)")
    total, moved, pixels = dot_product(text)
    assert any(pixels), f"the window at (13, 13) sees only background: {text!r}"
    assert abs(total - moved) < 0.1 and abs(moved - conv_cell(text)) < 0.0015, text
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="convolution, window")
    ex.screenshot(ARTIFACTS / "a08_convolution_sobel_window.png")

    # Stride 2, then padding 1, by keyboard: the output-size formula and the maps follow.
    old = ex.readout.text_content()
    press(stride, "ArrowRight", 1)
    text = browser.wait_text_changed(page, ex.readout, old, r"stride 2, padding 0")
    assert "⌊(28 + 2·0 − 3)/2⌋ + 1 = 13 → 13×13" in text, text
    assert "output cell (row 12, column 12)" in text, text  # the window kept its cell, inside 13 x 13
    assert "conv2d_naive() matches" in text, text
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="convolution, stride")
    old = ex.readout.text_content()
    press(padding, "ArrowRight", 1)
    text = browser.wait_text_changed(page, ex.readout, old, r"stride 2, padding 1")
    assert "⌊(28 + 2·1 − 3)/2⌋ + 1 = 14 → 14×14" in text and "after max-pool 7×7" in text, text
    assert "conv2d_naive() matches" in text, text
    total, result, _ = dot_product(text)
    assert abs(total - result) < 0.1, text
    browser.wait_canvas_changed(page, ex.canvas, canvas, what="convolution, padding")
    ex.screenshot(ARTIFACTS / "a08_convolution_stride_padding.png")

    # -- the CNN's training monitor (2 epochs in this copy) -----------------------------------
    epochs = check_monitor(page, "show_training_monitor([", ["CNN"], ARTIFACTS / "a08_training_monitor.png")
    assert epochs == {"CNN": 2}, epochs

    # -- feature maps -------------------------------------------------------------------------
    ex = find_view(page, "show_feature_maps(cnn", r"layer ")
    image, layer, colours = ex.slider("image"), ex.dropdown("layer"), ex.toggle_buttons("colours")
    canvas, text = ex.at_rest([image, layer, colours], ARTIFACTS / "a08_feature_maps_before.png")
    assert re.search(r"^image 0: ", text) and "model says" in text, text
    assert re.search(r"layer body\.0 \(Conv2d\): 16 maps of 28×28", text), text

    old = ex.readout.text_content()
    press(image, "ArrowRight", 1)
    text = browser.wait_text_changed(page, ex.readout, old, r"^image 1: ")
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="feature maps, image")

    labels = layer.locator("option").all_inner_texts()
    deeper = next(i for i, label in enumerate(labels) if i > 0 and "Conv2d" in label)
    old = ex.readout.text_content()
    layer.select_option(index=deeper)
    text = browser.wait_text_changed(page, ex.readout, old, r"\(Conv2d\): 32 maps of 14×14")
    assert re.search(r"^image 1: ", text), text
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="feature maps, layer")
    ex.screenshot(ARTIFACTS / "a08_feature_maps_layer.png")

    colours.get_by_role("button", name="whole layer").click()
    browser.wait_canvas_changed(page, ex.canvas, canvas, what="feature maps, colour scale")
    ex.screenshot(ARTIFACTS / "a08_feature_maps_whole_layer.png")

    # -- confusion explorer -------------------------------------------------------------------
    ex = find_view(page, "show_confusion(", r"per-class accuracy")
    true_menu, pred_menu = ex.dropdown("true class"), ex.dropdown("predicted class")
    selection = html_with(page, ex.box, r"showing|no image of")
    canvas, text = ex.at_rest([true_menu, pred_menu], ARTIFACTS / "a08_confusion_before.png")
    assert re.search(r"per-class accuracy \(overall \d+\.\d%\)", text) and "most confused" in text, text
    # It opens on the most confused pair: a mistake.
    assert "mistakes: true" in selection.inner_text(), selection.inner_text()

    # A click on the matrix's diagonal cell of Trouser (row 1, column 1): its correct images.
    old = selection.text_content()
    page.mouse.click(*matrix_cell_centre(ex.canvas, 1, 1))
    shown = browser.wait_text_changed(page, selection, old, r"true Trouser, predicted Trouser")
    assert "correct" in shown, shown
    page.wait_for_function("([a, b]) => a.selectedIndex === 1 && b.selectedIndex === 1",
                           arg=[true_menu.element_handle(), pred_menu.element_handle()])
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="confusion, click")
    ex.screenshot(ARTIFACTS / "a08_confusion_trouser.png")

    # The menus: Shirt mistaken for T-shirt/top.
    old = selection.text_content()
    true_menu.select_option("Shirt")
    browser.wait_text_changed(page, selection, old, r"Shirt")
    canvas = browser.wait_canvas_changed(page, ex.canvas, canvas, what="confusion, true class menu")
    old = selection.text_content()
    pred_menu.select_option("T-shirt/top")
    shown = browser.wait_text_changed(page, selection, old, r"Shirt.*T-shirt/top")
    assert re.search(r"mistakes: true Shirt, predicted T-shirt/top|no image of Shirt was predicted T-shirt/top",
                     shown), shown
    browser.wait_canvas_changed(page, ex.canvas, canvas, what="confusion, predicted class menu")
    ex.screenshot(ARTIFACTS / "a08_confusion_shirt_tshirt.png")

    no_page_errors(page_errors)
