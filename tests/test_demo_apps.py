"""Every week's lecture demo as a standalone app (`make demo W=NN`, Voilà), in Chromium at a
projector's 1280×720: it runs without code cells, each visualiser draws, every control in a
setup is reached with Tab and operated with the keyboard alone (arrow keys, Enter, Space) and the
picture or the live readout follows; a named setup and presenter size come from the page URL.

Screenshots go to tests/artifacts/voila/ (one per visualiser, as the projector shows it).
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

import browser
from dlcourse.demo import demo_notebook, visualisers_in

REPO = Path(__file__).resolve().parents[1]
SHOTS = REPO / "tests" / "artifacts" / "voila"
PROJECTOR = {"width": 1280, "height": 720}
WEEKS = sorted(path.stem[:2] for path in (REPO / "notebooks").glob("*.ipynb"))
# Where a visualiser's first state shows no effect of a control (the stepper's learning rate acts
# only at its last stage), the app opens at a named setup, from the URL as an instructor's link does.
OPENING_SETUPS = {"06": {"backprop_stepper": "the lecture's network, after one gradient step"}}
pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def chromium():
    reason = browser.missing_browser_reason()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "keyboard.txt").unlink(missing_ok=True)
    with sync_playwright() as p:
        chromium = browser.launch_chromium(p)
        yield chromium
        chromium.close()


@contextlib.contextmanager
def demo_app(week: str, log: Path):
    """`python -m dlcourse.demo <week>` on a free port, as an instructor starts it; its base URL."""
    port = browser.free_port()
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "dlcourse.demo", week, f"--port={port}"],
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True, cwd=REPO)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "voila/api/shutdown/none", timeout=2)
            except urllib.error.HTTPError:
                break  # the server answers (a 404 or 405 is an answer)
            except (urllib.error.URLError, OSError):
                assert process.poll() is None, f"the demo app exited:\n{log.read_text()[-3000:]}"
                assert time.monotonic() < deadline, f"the demo app did not start:\n{log.read_text()[-3000:]}"
                time.sleep(0.2)
            else:
                break
        yield url
    finally:
        browser.stop(process)


def open_app(chromium, url: str, n_explorers: int, log: Path):
    """A 1280×720 page on the app, once its visualisers have drawn; (page, console errors, outside requests)."""
    context = chromium.new_context(viewport=PROJECTOR)
    context.set_default_timeout(30_000)
    page = context.new_page()
    errors, outside = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # No network at run time: anything not on loopback is refused and recorded (the course's Voilà
    # template drops the lab template's Font Awesome links; Voilà's bundle carries the fonts).
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: (outside.append(route.request.url),
                                                                         route.abort()))
    page.goto(url, timeout=180_000)
    try:
        page.wait_for_function(
            """(n) => {
                const shells = [...document.querySelectorAll('.dlc-explorer')];
                return shells.length === n && shells.every(s => {
                    const c = s.querySelector('.jupyter-matplotlib-canvas-div canvas');
                    return c && c.width > 0;
                });
            }""", arg=n_explorers, timeout=240_000, polling=500)
    except Exception:
        page.screenshot(path=str(SHOTS / f"failed_{Path(log).stem}.png"))
        raise AssertionError(f"the app did not show {n_explorers} visualisers:\n{log.read_text()[-3000:]}")
    return page, errors, outside


def shown_explorers(notebook: Path) -> int:
    """How many explorers the demo's code cells show (its text names some, too)."""
    import nbformat

    code = "\n".join(cell.source for cell in nbformat.read(str(notebook), as_version=4).cells
                     if cell.cell_type == "code")
    return sum(1 for call in re.findall(r"\b(show_\w+)\(", code) if call != "show_training_monitor")


def code_lines(notebook: Path) -> list[str]:
    """Lines of the demo's code cells long enough not to appear in its prose by chance."""
    import nbformat

    cells = nbformat.read(str(notebook), as_version=4).cells
    return [line.strip() for cell in cells if cell.cell_type == "code"
            for line in cell.source.splitlines() if len(line.strip()) > 25 and "print(" not in line]


def canvas_shot(shell) -> bytes:
    return shell.locator(".jupyter-matplotlib-canvas-div canvas").first.screenshot(animations="disabled")


def readout(shell) -> str:
    return shell.locator('[role="status"]').first.inner_text()


def wait_for_change(page, shell, before: tuple[bytes, str], what: str, timeout_s: float = 15.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if (canvas_shot(shell), readout(shell)) != before:
            return
        page.wait_for_timeout(150)
    page.screenshot(path=str(SHOTS / "keyboard_failed.png"))
    raise AssertionError(f"{what}: neither the figure nor the readout changed")


ENABLED_CONTROLS = """(shell) => [...shell.querySelectorAll('[class*="dlc-state-"]')]
    .filter(el => el.offsetParent !== null && !el.querySelector('[disabled]') && !el.matches('.mod-disabled'))
    .map(el => [...el.classList].find(c => c.startsWith('dlc-state-')).slice('dlc-state-'.length))"""

FOCUSED_CONTROL = """(shell) => {
    const el = document.activeElement;
    if (!el || !shell.contains(el)) return null;
    const owner = el.closest('[class*="dlc-state-"]');
    if (!owner || owner.querySelector('[disabled]') || owner.matches('.mod-disabled')) return 'other';
    return [...owner.classList].find(c => c.startsWith('dlc-state-')).slice('dlc-state-'.length);
}"""


def operate_focused(page) -> str:
    """Change the focused control with the keyboard only; returns the keys pressed."""
    kind = page.evaluate("""() => {
        const el = document.activeElement;
        if (el.classList.contains('noUi-handle')) {
            const now = parseFloat(el.getAttribute('aria-valuenow')), max = parseFloat(el.getAttribute('aria-valuemax'));
            return now >= max ? 'slider-at-max' : 'slider';
        }
        if (el.tagName === 'SELECT') return el.selectedIndex === el.options.length - 1 ? 'select-at-end' : 'select';
        if (el.tagName === 'INPUT' && el.type === 'checkbox') return 'checkbox';
        if (el.tagName === 'INPUT') return 'number';
        if (el.tagName === 'BUTTON') return el.classList.contains('mod-active') ? 'active-button' : 'button';
        return el.tagName;
    }""")
    keys = {"slider": ["ArrowRight"], "slider-at-max": ["ArrowLeft"], "select": ["ArrowDown"],
            "select-at-end": ["ArrowUp"], "checkbox": ["Space"], "number": ["ArrowUp", "Enter"],
            "button": ["Enter"], "active-button": ["Tab", "Enter"]}.get(kind)
    assert keys, f"a focused control of a kind the test does not know: {kind}"
    for key in keys:
        page.keyboard.press(key)
    return "+".join(keys)


def check_keyboard(page, shell, name: str) -> list[str]:
    """Tab through the explorer from its first control: every visible setup control is reached and
    operated by keyboard, and each operation changes the picture or the readout."""
    visible = page.evaluate(ENABLED_CONTROLS, shell.element_handle())
    assert visible, f"{name}: no controls found"
    page.evaluate("""(shell) => {
        const first = shell.querySelector('[class*="dlc-state-"] select, [class*="dlc-state-"] .noUi-handle,'
            + '[class*="dlc-state-"] button, [class*="dlc-state-"] input');
        first.focus();
    }""", shell.element_handle())
    reached, log = [], []
    for _ in range(12 * len(visible)):
        key = page.evaluate(FOCUSED_CONTROL, shell.element_handle())
        if key not in (None, "other") and key not in reached:
            reached.append(key)
            canvas = shell.locator(".jupyter-matplotlib-canvas-div canvas").first
            before = (browser.settled_canvas(page, canvas), readout(shell))
            pressed = operate_focused(page)
            wait_for_change(page, shell, before, f"{name}.{key} after {pressed}")
            page.wait_for_timeout(300)  # the rest of the kernel's answer (a control it disables)
            log.append(f"{key}: {pressed}")
            # Operating may move the focus (Tab inside a toggle group); continue from where it is.
            page.evaluate("(shell) => { if (!shell.contains(document.activeElement)) shell.focus(); }",
                          shell.element_handle())
        if set(reached) >= set(page.evaluate(ENABLED_CONTROLS, shell.element_handle())):
            break
        page.keyboard.press("Tab")
    # A control another one disabled (the race's κ off the bowl) is skipped, as Tab skips it.
    missing = [key for key in page.evaluate(ENABLED_CONTROLS, shell.element_handle()) if key not in reached]
    assert not missing, f"{name}: Tab never reached {missing} (reached {reached})"
    return log


# Controls cut short: text wider than its box ("regen…"), a menu too narrow for its choice, a
# slider or number box squeezed to nothing, anything running off the screen. Each is named.
CUT_SHORT = """(root) => {
  const ctx = document.createElement('canvas').getContext('2d');
  const cut = [];
  const screen = document.documentElement.clientWidth;
  for (const el of root.querySelectorAll('button, label, select, input, .widget-label, .widget-readout, .slider-container, .widget-html-content')) {
    if (el.offsetParent === null || el.type === 'checkbox') continue;
    if (el.getBoundingClientRect().right > screen + 1) { cut.push(`off the screen: "${(el.innerText || '').slice(0, 30)}"`); continue; }
    if (el.classList.contains('widget-html-content')) continue;  // a readout wraps
    const text = (el.innerText || el.value || '').trim().slice(0, 30);
    if (el.classList.contains('slider-container')) {  // its handle overhangs: only its width counts
      if (el.clientWidth < 40) cut.push(`slider ${el.clientWidth}px`);
    } else if (el.tagName !== 'INPUT' && el.scrollWidth > el.clientWidth + 1) {  // a box's text scrolls
      cut.push(`${el.tagName} "${text}" ${el.scrollWidth}>${el.clientWidth}`);
    } else if (el.tagName === 'SELECT' && el.selectedIndex >= 0) {
      ctx.font = getComputedStyle(el).font;
      const need = ctx.measureText(el.options[el.selectedIndex].text).width + 24;  // the arrow
      if (need > el.clientWidth) cut.push(`SELECT "${el.options[el.selectedIndex].text}" ${Math.round(need)}>${el.clientWidth}`);
    } else if (el.tagName === 'INPUT' && el.clientWidth < 30) {
      cut.push(`INPUT "${text}" ${el.clientWidth}px`);
    }
  }
  return cut;
}"""


def check_presenter_size(page, shell, name: str) -> None:
    """The presenter switch, pressed from the keyboard, enlarges the figure where the screen has
    room (the controls' text always), and the whole explorer (figure and controls) still fits a
    1280×720 screen, with no control's text cut short at either size."""
    assert page.evaluate(CUT_SHORT, shell.element_handle()) == [], f"{name}: controls cut short"
    canvas = shell.locator(".jupyter-matplotlib-canvas-div canvas").first
    before = canvas.bounding_box()["width"]
    button = shell.locator("button", has_text="presenter size").first
    button.focus()
    page.keyboard.press("Enter")
    body = shell.locator(".dlc-presenter").first
    body.wait_for(timeout=15_000)
    page.wait_for_timeout(1500)  # the figure's new size arrives with its next full draw
    assert canvas.bounding_box()["width"] >= before - 1, f"{name}: presenter size shrank the figure"
    page.evaluate("(el) => el.scrollIntoView({block: 'start'})", body.element_handle())
    page.wait_for_timeout(300)
    page.screenshot(path=str(SHOTS / f"{name}_presenter.png"))
    box = body.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PROJECTOR["width"], f"{name}: wider than the screen: {box}"
    assert box["height"] <= PROJECTOR["height"], f"{name}: taller than the screen: {box}"
    assert page.evaluate(CUT_SHORT, shell.element_handle()) == [], f"{name}: controls cut short at presenter size"
    page.keyboard.press("Enter")  # and back


@pytest.mark.parametrize("week", WEEKS)
def test_demo_runs_as_an_app_and_every_control_works_by_keyboard(week, chromium):
    SHOTS.mkdir(parents=True, exist_ok=True)
    notebook = demo_notebook(week)
    names = [explorer.name for explorer in visualisers_in(notebook)]
    n = shown_explorers(notebook)
    log = SHOTS / f"{notebook.stem}.log"
    with demo_app(week, log) as url:
        query = urllib.parse.urlencode(list(OPENING_SETUPS.get(week, {}).items()))
        page, errors, outside = open_app(chromium, f"{url}?{query}", n, log)
        try:
            text = page.locator("body").inner_text()
            shown_code = [line for line in code_lines(notebook) if line in text]
            assert not shown_code, f"code is shown: {shown_code[:3]}"
            # An exception in a cell shows as its traceback (the app runs with show_tracebacks).
            assert page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').count() == 0, \
                page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').first.inner_text()
            shells = page.locator(".dlc-explorer")
            for i in range(n):
                shell = shells.nth(i)
                page.evaluate("(el) => el.scrollIntoView({block: 'start'})", shell.element_handle())
                page.screenshot(path=str(SHOTS / f"{notebook.stem}_{i}.png"))
                operated = check_keyboard(page, shell, f"{notebook.stem} visualiser {i}")
                with (SHOTS / "keyboard.txt").open("a") as record:  # for the accessibility audit
                    record.write(f"{notebook.stem} {i}: {'; '.join(operated)}\n")
                check_presenter_size(page, shell, f"{notebook.stem}_{i}")
            if n == 0:  # week 7 shows only training monitors: their live readouts report the runs
                monitor = page.locator('[role="status"]', has_text=re.compile("epoch")).first
                monitor.wait_for(timeout=60_000)
                page.evaluate("(el) => el.scrollIntoView({block: 'center'})", monitor.element_handle())
                page.screenshot(path=str(SHOTS / f"{notebook.stem}_monitor.png"))
            assert not errors, errors
            assert not outside, outside
        finally:
            page.context.close()
    assert len(names) == len(set(names)) and (names or n == 0)


def test_a_named_setup_and_presenter_size_come_from_the_url(chromium):
    """The lecture's "SGD diverges at κ = 10" link: the race opens at that setup, presenter-sized
    so that the figure and its controls fit a 1280×720 projector; the setup box shows it back."""
    from dlcourse.viz.optimizer_race import OptimizerRaceExplorer

    SHOTS.mkdir(parents=True, exist_ok=True)
    notebook = demo_notebook("06")
    name = next(key for key in OptimizerRaceExplorer.SETUPS if "diverges" in key)
    log = SHOTS / "presenter.log"
    with demo_app("06", log) as url:
        query = urllib.parse.urlencode([("optimizer_race", name), ("presenter", "1")])
        page, errors, _ = open_app(chromium, f"{url}?{query}", shown_explorers(notebook), log)
        try:
            shell = page.locator(".dlc-explorer").filter(has=page.locator(".dlc-state-kappa")).first
            page.evaluate("(el) => el.scrollIntoView({block: 'start'})", shell.element_handle())
            page.wait_for_timeout(500)
            page.screenshot(path=str(SHOTS / "06_optimizer_race_presenter.png"))
            body = shell.locator(".dlc-presenter").first.bounding_box()
            assert body["x"] + body["width"] <= PROJECTOR["width"], "the layout is wider than the projector"
            assert body["height"] <= PROJECTOR["height"], "the figure and controls do not fit one screen"
            # The setup box, opened from the keyboard, shows the setup the URL named.
            button = shell.locator("button", has_text="setup").first
            button.focus()
            page.keyboard.press("Enter")
            box = shell.locator(".dlc-setup input").first
            box.wait_for(state="visible")
            expected = OptimizerRaceExplorer.SETUPS[name]
            page.wait_for_function("([el, text]) => el.value.includes(text)",
                                   arg=[box.element_handle(), expected.split("&")[0]], timeout=10_000)
            assert not errors, errors
        finally:
            page.context.close()
