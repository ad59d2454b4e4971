"""Helpers for the browser tests: a throw-away JupyterLab server and a headless Chromium.

Everything here waits with bounds (HTTP polls, Playwright timeouts) and never downloads a
browser: Playwright drives Debian's /usr/bin/chromium.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts" / "browser"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORT = {"width": 1400, "height": 900}

# JupyterLab settings written into the server's (temporary) HOME before it starts.
LAB_SETTINGS = {
    # As installed by `make setup` (dlcourse/lab_settings.py): widget messages on the kernel's main
    # thread, never on a subshell thread racing the explorer's redraws.
    "@jupyterlab/apputils-extension/kernels-settings.jupyterlab-settings": {"commsOverSubshells": "disabled"},
    # "full" windowing (JupyterLab 4's default) detaches cells scrolled out of view, and with
    # them their canvases; "defer" renders every cell, just not all at once.
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "defer"},
    # No "would you like news?" toast over the page, and no request to the internet for it.
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False,
    },
}


def missing_browser_reason() -> str | None:
    """Why the browser tests cannot run here, or None if they can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (the browser tests drive Debian's chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install playwright; no browser download needed)"
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LabServer:
    root: Path
    port: int
    token: str
    process: subprocess.Popen
    log: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str, query: str = "") -> str:
        query = f"{query}&" if query else ""
        return f"{self.base_url}/{path.lstrip('/')}?{query}token={self.token}"

    def api(self, path: str, timeout: float = 5.0, method: str = "GET"):
        request = urllib.request.Request(
            f"{self.base_url}/api/{path.lstrip('/')}",
            headers={"Authorization": f"token {self.token}"},
            method=method,
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
            return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Shut down every kernel of this server (frees the CPU and memory a finished test held)."""
        with contextlib.suppress(urllib.error.URLError, ConnectionError, OSError):
            for kernel in self.api("kernels"):
                with contextlib.suppress(urllib.error.URLError, ConnectionError, OSError):
                    self.api(f"kernels/{kernel['id']}", method="DELETE", timeout=10.0)

    def log_tail(self, n_chars: int = 4000) -> str:
        try:
            return self.log.read_text(errors="replace")[-n_chars:]
        except OSError:
            return "(no server log)"


def write_lab_settings(home: Path) -> None:
    settings = home / ".jupyter" / "lab" / "user-settings"
    for relative, values in LAB_SETTINGS.items():
        path = settings / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2))


@contextlib.contextmanager
def jupyter_lab(root: Path, home: Path, startup_timeout: float = 60.0):
    """Run `jupyter lab` on `root` (HOME=`home`) until the block ends; yields a LabServer."""
    home.mkdir(parents=True, exist_ok=True)
    write_lab_settings(home)
    port, token = free_port(), secrets.token_hex(16)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("JUPYTER", "JPY_", "NBGRADER"))}  # nothing of the caller's Jupyter
    env.update(HOME=str(home), PYTHONUNBUFFERED="1",
               JUPYTER_CONFIG_DIR=str(home / ".jupyter"), JUPYTER_DATA_DIR=str(home / ".local/share/jupyter"),
               JUPYTER_RUNTIME_DIR=str(home / ".local/share/jupyter/runtime"),
               IPYTHONDIR=str(home / ".ipython"), MPLCONFIGDIR=str(home / ".matplotlib"))
    log = home / "jupyter-lab.log"
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        f"--port={port}", "--port-retries=0", "--ServerApp.ip=127.0.0.1", f"--ServerApp.root_dir={root}",
        # The same as --ServerApp.token, without jupyter_server 2's deprecation warning.
        f"--IdentityProvider.token={token}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers and CI often run as root
        command.append("--allow-root")
    with open(log, "wb") as log_file:
        process = subprocess.Popen(command, cwd=root, env=env, stdout=log_file, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    server = LabServer(root=root, port=port, token=token, process=process, log=log)
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with {process.returncode}:\n{server.log_tail()}")
            try:
                server.api("status", timeout=2.0)
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"jupyter lab did not answer within {startup_timeout:.0f} s:\n"
                                       f"{server.log_tail()}")
                time.sleep(0.2)
        yield server
    finally:
        stop(process)


def stop(process: subprocess.Popen, timeout: float = 10.0) -> None:
    """Stop the server and its kernels (its own process group, started above)."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, 15)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 9)
        process.wait(timeout=timeout)


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)


# -- JupyterLab page helpers -----------------------------------------------------------------

KERNEL_INDICATOR = ".jp-Notebook-ExecutionIndicator"
PROMPT_NUMBER = re.compile(r"^\[\d+\]:$")


@contextlib.contextmanager
def chromium_page(server: LabServer):
    """A Chromium page (VIEWPORT) and the list its console errors and page errors go into.

    On leaving, the browser closes and the server's kernels shut down, so the next notebook's
    kernel gets the CPU.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = launch_chromium(p)
        try:
            context = chromium.new_context(viewport=VIEWPORT)
            context.set_default_timeout(30_000)
            page = context.new_page()
            errors: list[str] = []
            page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
            yield page, errors
        finally:
            chromium.close()
            server.shutdown_kernels()


def wait_kernel_idle(page, timeout_ms: float = 60_000) -> None:
    """Wait until the open notebook's kernel indicator says idle."""
    page.wait_for_selector(f'{KERNEL_INDICATOR}[data-status="idle"]', state="attached", timeout=timeout_ms)
    # The status bar says it in words, too ("Python 3 (ipykernel) | Idle").
    page.get_by_text(re.compile(r"\|\s*Idle$")).first.wait_for(timeout=timeout_ms)


def run_all_cells(page) -> None:
    """Run → Run All Cells, through the menu bar."""
    page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()


def wait_run_all_done(page, n_code_cells: int, timeout_ms: float = 90_000) -> None:
    """Wait until every code cell shows an execution count and the kernel is idle again."""
    page.wait_for_function(
        """(n) => {
            const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')]
                .map(p => p.textContent.trim());
            const indicator = document.querySelector('.jp-Notebook-ExecutionIndicator');
            return prompts.length === n && prompts.every(t => /^\\[\\d+\\]:$/.test(t))
                && indicator && indicator.getAttribute('data-status') === 'idle';
        }""",
        arg=n_code_cells,
        timeout=timeout_ms,
        polling=200,
    )


def cell_errors(page) -> list[str]:
    """Text of every error output (traceback) in the open notebook."""
    return page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').all_inner_texts()


# -- a notebook, opened and run --------------------------------------------------------------

def open_and_run_all(page, server: LabServer, notebook: str, n_code_cells: int, failure_png: Path,
                     page_errors: list[str], timeout_ms: float = 90_000) -> None:
    """Open `notebook` (a path under the server's root), Run All, and wait until it is done cleanly
    (within `timeout_ms`: notebooks that train for a while need more than the default)."""
    page.goto(server.url(f"lab/tree/{notebook}", "reset"))
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    wait_kernel_idle(page)
    run_all_cells(page)
    try:
        wait_run_all_done(page, n_code_cells, timeout_ms)
    except Exception:
        failure_png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=failure_png, full_page=True)
        raise AssertionError(
            f"Run All of {notebook} did not finish cleanly; errors: {cell_errors(page)}; "
            f"console: {page_errors}; server log:\n{server.log_tail()}")
    errors = [e for e in cell_errors(page) if "Error" in e or "Traceback" in e]
    assert not errors, f"cells of {notebook} raised: {errors}"


# -- an explorer (a widget HBox with an ipympl canvas) in a cell's output ---------------------

@dataclass
class Explorer:
    page: object
    output: object  # the cell's first output (what the screenshots show)
    box: object  # the explorer's outer HBox
    canvas: object  # the ipympl canvas div
    readout: object  # the explorer's HTML readout

    def slider(self, label: str):
        """The slider whose description is exactly `label`."""
        return self.box.locator(".widget-slider").filter(
            has=self.page.locator(".widget-label", has_text=re.compile(f"^{re.escape(label)}$")))

    def dropdown(self, label: str):
        """The <select> of the dropdown whose description is exactly `label`."""
        return self.box.locator(".widget-dropdown").filter(
            has=self.page.locator(".widget-label", has_text=re.compile(f"^{re.escape(label)}$"))).locator("select")

    def toggle_buttons(self, label: str):
        """The ToggleButtons widget whose description is exactly `label`."""
        return self.box.locator(".widget-toggle-buttons").filter(
            has=self.page.locator(".widget-label", has_text=re.compile(f"^{re.escape(label)}$")))

    def readout_text(self) -> str:
        return self.readout.inner_text()

    def at_rest(self, controls, screenshot_path: Path) -> tuple[bytes, str]:
        """Wait for `controls`, then the first settled canvas; shoot it. Returns (canvas, readout)."""
        for control in controls:
            control.wait_for()
        canvas = settled_canvas(self.page, self.canvas)
        text = self.readout_text()
        self.screenshot(screenshot_path)
        return canvas, text

    def screenshot(self, path: Path) -> None:
        """The cell's output; an output taller than the notebook panel (the XOR explorer's nine
        sliders) is shot in a taller viewport, or JupyterLab's toolbar would cover its top."""
        box, viewport = self.output.bounding_box(), self.page.viewport_size
        if not box or not viewport or box["height"] <= viewport["height"] - 300:
            self.output.screenshot(path=path)
            return
        self.page.set_viewport_size({"width": viewport["width"], "height": int(box["height"]) + 400})
        try:
            self.output.screenshot(path=path)
        finally:
            self.page.set_viewport_size(viewport)


def find_explorer(page, call: str, timeout_ms: float = 30_000) -> Explorer:
    """The explorer shown by the one code cell whose source contains `call`, drawn at least once."""
    cell = page.locator(".jp-Notebook .jp-CodeCell").filter(has_text=call)
    assert cell.count() == 1, f"expected one cell calling {call}, found {cell.count()}"
    cell.scroll_into_view_if_needed()
    output = cell.locator(".jp-OutputArea-output").first
    box = output.locator(".dlc-explorer").first  # the Explorer shell (dlcourse/viz/explorer.py)
    box.wait_for(state="visible", timeout=timeout_ms)
    canvas = box.locator(".jupyter-matplotlib-canvas-div").first
    canvas.wait_for(state="visible", timeout=timeout_ms)
    # The live readout's own element is replaced at each update; its HTML widget's content stays.
    readout = box.locator(".widget-html-content", has=page.locator('[role="status"]')).first
    # The canvas has been drawn once (ipympl sends the first image after the view connects).
    page.wait_for_function("(el) => el.querySelector('canvas') && el.querySelector('canvas').width > 0",
                           arg=canvas.element_handle(), timeout=timeout_ms)
    box.scroll_into_view_if_needed()
    return Explorer(page=page, output=output, box=box, canvas=canvas, readout=readout)


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


def wait_canvas_changed(page, canvas, old: bytes, timeout_s: float = 15.0, what: str = "the explorer") -> bytes:
    """Screenshots of the canvas until one differs from `old` (the redraw arrives over a comm)."""
    deadline = time.monotonic() + timeout_s
    while canvas_png(canvas) == old:
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: the canvas did not change within {timeout_s:.0f} s")
        page.wait_for_timeout(150)
    return settled_canvas(page, canvas)


def wait_text_changed(page, locator, old: str, pattern: str | None = None, timeout_ms: float = 15_000) -> str:
    """Wait until `locator`'s textContent differs from `old` (and matches the JS regex `pattern`)."""
    page.wait_for_function(
        """([el, old, pattern]) => el.textContent !== old
            && (pattern === null || new RegExp(pattern).test(el.textContent))""",
        arg=[locator.element_handle(), old, pattern], timeout=timeout_ms, polling=100)
    return locator.inner_text()


def settled_text(page, locator, quiet_ms: int = 600, timeout_s: float = 15.0) -> str:
    """`locator`'s text once it has not changed for `quiet_ms` (a dragged, continuously updating
    slider sends a burst of values; the explorer answers each)."""
    deadline = time.monotonic() + timeout_s
    text, since = locator.inner_text(), time.monotonic()
    while time.monotonic() - since < quiet_ms / 1000:
        if time.monotonic() > deadline:
            raise AssertionError(f"the text kept changing for {timeout_s:.0f} s: {text!r}")
        page.wait_for_timeout(100)
        again = locator.inner_text()
        if again != text:
            text, since = again, time.monotonic()
    return text


def drag_slider(page, slider, fraction: float, steps: int = 8) -> None:
    """Drag the slider's handle with the mouse to `fraction` (0 = left end, 1 = right end) of its track."""
    handle = slider.locator(".noUi-handle").first
    track = slider.locator(".noUi-base").first
    handle.scroll_into_view_if_needed()
    hb, tb = handle.bounding_box(), track.bounding_box()
    assert hb and tb, "the slider is not laid out"
    y = hb["y"] + hb["height"] / 2
    page.mouse.move(hb["x"] + hb["width"] / 2, y)
    page.mouse.down()
    page.mouse.move(tb["x"] + fraction * tb["width"], y, steps=steps)
    page.mouse.up()


def slider_readout(slider) -> str:
    return slider.locator(".widget-readout").first.inner_text().strip()


def set_slider_readout(page, slider, text: str) -> None:
    """Type a value into the slider's editable readout and press Enter (as a student can)."""
    readout = slider.locator(".widget-readout").first
    readout.fill(text)
    readout.press("Enter")


def solved(name: str):
    """The release notebook of assignment `name` with every solution cell answered from source/."""
    from autograder import notebooks

    release = notebooks.read(REPO / "release" / name / f"{name}.ipynb")
    source = notebooks.read(REPO / "source" / name / f"{name}.ipynb")
    return notebooks.filled_with_solutions(release, source)


@contextlib.contextmanager
def lab_with(root: Path, home: Path, solved_notebooks: dict):
    """A JupyterLab server on `root` holding these notebooks (name -> notebook), written as
    <name>.ipynb; yields (server, code cells per notebook) for `open_solved`."""
    from autograder import notebooks

    n_code_cells = {}
    for name, nb in solved_notebooks.items():
        notebooks.write(nb, root / f"{name}.ipynb")
        n_code_cells[name] = sum(cell.cell_type == "code" for cell in nb.cells)
    with jupyter_lab(root, home) as server:
        yield server, n_code_cells


def open_solved(lab, page, errors, name: str, timeout_ms: float = 90_000) -> None:
    """Open <name>.ipynb in the `lab_with` server and Run All; a screenshot if it fails."""
    server, n_code_cells = lab
    open_and_run_all(page, server, f"{name}.ipynb", n_code_cells[name],
                     ARTIFACTS / f"{name[:3]}_run_all_failed.png", errors, timeout_ms=timeout_ms)
