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
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

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

    def api(self, path: str, timeout: float = 5.0):
        request = urllib.request.Request(
            f"{self.base_url}/api/{path.lstrip('/')}",
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read())

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
