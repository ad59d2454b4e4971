"""Week 1's house-price explorer in a real JupyterLab, driven by Chromium through Playwright.

A copy of the release notebook, with every solution cell filled in, is opened in a throw-away
JupyterLab (never the repository's file: JupyterLab autosaves what it opens). All cells run;
then the test moves the w3 slider with the keyboard and presses "Gradient descent ×100", and
checks that the readout and the ipympl canvas follow. Screenshots go to tests/artifacts/browser/.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from autograder import notebooks

import browser

A01 = "a01_models_and_loss"
REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts" / "browser"
EXPLORER_CALL = "show_house_price_explorer(globals())"

_MISSING = browser.missing_browser_reason()
pytestmark = [pytest.mark.browser, pytest.mark.skipif(_MISSING is not None, reason=_MISSING or "")]

MAE = re.compile(r"MAE\s*=\s*(-?\d+(?:\.\d+)?)")


def mae_in(text: str) -> float | None:
    match = MAE.search(text)
    return float(match.group(1)) if match else None


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a folder holding a01, solved."""
    root = tmp_path_factory.mktemp("lab_root")
    release = notebooks.read(REPO / "release" / A01 / f"{A01}.ipynb")
    source = notebooks.read(REPO / "source" / A01 / f"{A01}.ipynb")
    solved = notebooks.filled_with_solutions(release, source)
    notebooks.write(solved, root / f"{A01}.ipynb")
    n_code_cells = sum(cell.cell_type == "code" for cell in solved.cells)
    with browser.jupyter_lab(root, tmp_path_factory.mktemp("lab_home")) as server:
        yield server, n_code_cells


@pytest.fixture()
def page_and_errors():
    """A Chromium page (1400x900) and the list its console errors and page errors go into."""
    from playwright.sync_api import sync_playwright

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


def canvas_png(canvas) -> bytes:
    return canvas.screenshot(animations="disabled")


def settled_canvas(page, canvas, tries: int = 20) -> bytes:
    """The canvas once a burst of redraws (draw_idle coalesces them) is over: two equal shots in a row."""
    shot = canvas_png(canvas)
    for _ in range(tries):
        page.wait_for_timeout(150)
        again = canvas_png(canvas)
        if again == shot:
            return shot
        shot = again
    return shot


def wait_canvas_changed(page, canvas, old: bytes, timeout_s: float = 15.0) -> bytes:
    """Screenshots of the canvas until one differs from `old` (the redraw arrives over a comm)."""
    deadline = time.monotonic() + timeout_s
    while canvas_png(canvas) == old:
        if time.monotonic() > deadline:
            pytest.fail(f"the explorer's canvas did not change within {timeout_s:.0f} s")
        page.wait_for_timeout(150)
    return settled_canvas(page, canvas)


def test_house_price_explorer_responds_to_slider_and_descent(lab, page_and_errors):
    server, n_code_cells = lab
    page, page_errors = page_and_errors
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    page.goto(server.url(f"lab/tree/{A01}.ipynb", "reset"))
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    browser.wait_kernel_idle(page)

    browser.run_all_cells(page)
    try:
        browser.wait_run_all_done(page, n_code_cells)
    except Exception:
        page.screenshot(path=ARTIFACTS / "a01_run_all_failed.png", full_page=True)
        raise AssertionError(
            f"Run All did not finish cleanly; errors: {browser.cell_errors(page)}; "
            f"console: {page_errors}; server log:\n{server.log_tail()}")
    errors = [e for e in browser.cell_errors(page) if "Error" in e or "Traceback" in e]
    assert not errors, f"cells raised: {errors}"

    # -- the explorer -----------------------------------------------------------------------
    cell = page.locator(".jp-Notebook .jp-CodeCell").filter(has_text=EXPLORER_CALL)
    assert cell.count() == 1, f"expected one cell calling {EXPLORER_CALL}, found {cell.count()}"
    cell.scroll_into_view_if_needed()
    output = cell.locator(".jp-OutputArea-output").first
    explorer = output.locator(".widget-hbox").first
    explorer.wait_for(state="visible")
    canvas = explorer.locator(".jupyter-matplotlib-canvas-div").first
    canvas.wait_for(state="visible")
    readout = explorer.locator(".widget-html-content").first
    for name in ("w1", "w2", "w3", "b"):
        explorer.locator(".widget-slider .widget-label", has_text=re.compile(f"^{name}$")).wait_for()
    button = explorer.get_by_role("button", name=re.compile("Gradient descent"))
    button.wait_for()
    # The canvas has been drawn once (ipympl sends the first image after the view connects).
    page.wait_for_function("(el) => el.querySelector('canvas') && el.querySelector('canvas').width > 0",
                           arg=canvas.element_handle())
    explorer.scroll_into_view_if_needed()
    canvas_before = settled_canvas(page, canvas)  # the first image arrives after the canvas exists
    readout_before = readout.inner_text()
    output.screenshot(path=ARTIFACTS / "a01_explorer_before.png")

    # -- move w3 with the keyboard ------------------------------------------------------------
    w3 = explorer.locator(".widget-slider").filter(
        has=page.locator(".widget-label", has_text=re.compile("^w3$")))
    handle = w3.locator(".noUi-handle").first
    w3_readout = w3.locator(".widget-readout").first
    w3_value_before = w3_readout.inner_text()
    readout_text = readout.text_content()
    handle.click()
    for _ in range(5):
        handle.press("ArrowRight")
    page.wait_for_function(
        "([el, old]) => el.textContent.trim() !== old", arg=[w3_readout.element_handle(), w3_value_before])
    assert float(w3_readout.inner_text()) > float(w3_value_before), "ArrowRight did not increase w3"

    # The readout follows: the student's functions are defined now, so it shows an MAE.
    page.wait_for_function("([el, old]) => el.textContent !== old && /MAE\\s*=/.test(el.textContent)",
                           arg=[readout.element_handle(), readout_text])
    readout_after_slider = readout.inner_text()
    canvas_after_slider = wait_canvas_changed(page, canvas, canvas_before)
    output.screenshot(path=ARTIFACTS / "a01_explorer_after_slider.png")
    assert readout_after_slider != readout_before
    mae_after_slider = mae_in(readout_after_slider)
    assert mae_after_slider is not None, f"no MAE in the readout: {readout_after_slider!r}"
    assert mae_in(readout_before) != mae_after_slider, (readout_before, readout_after_slider)
    assert canvas_after_slider != canvas_before

    # One more step changes the MAE again (not only the first draw after Run All).
    readout_text = readout.text_content()
    handle.press("ArrowRight")
    page.wait_for_function("([el, old]) => el.textContent !== old", arg=[readout.element_handle(), readout_text])
    mae_one_more = mae_in(readout.inner_text())
    assert mae_one_more is not None and mae_one_more != mae_after_slider, (mae_after_slider, mae_one_more)
    canvas_one_more = wait_canvas_changed(page, canvas, canvas_after_slider)

    # -- gradient descent -----------------------------------------------------------------------
    readout_text = readout.text_content()
    button.click()
    page.wait_for_function("([el, old]) => el.textContent !== old",
                           arg=[readout.element_handle(), readout_text])
    wait_canvas_changed(page, canvas, canvas_one_more)
    page.wait_for_timeout(500)  # slider echoes, if any, arrive after the button's own update
    mae_after_descent = mae_in(readout.inner_text())
    output.screenshot(path=ARTIFACTS / "a01_explorer_after_descent.png")
    page.screenshot(path=ARTIFACTS / "a01_page.png", full_page=True)
    assert mae_after_descent is not None, readout.inner_text()
    assert mae_after_descent < mae_one_more, (
        f"gradient descent did not lower the MAE: {mae_one_more} -> {mae_after_descent}")

    assert not [e for e in page_errors if e.startswith("pageerror")], page_errors
