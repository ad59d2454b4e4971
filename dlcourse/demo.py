"""demo: a week's lecture demo as a standalone web app (Voilà), for the projector in class.

    python -m dlcourse.demo 06            # or: make demo W=06
    python -m dlcourse.demo 06 --presenter

Voilà runs `notebooks/06_*.ipynb` and shows its text, figures and visualisers without code cells.
The links printed open the app with a named setup of each visualiser already in place (the page
URL carries the setup: `?optimizer_race=SGD+diverges+at+κ+%3D+10`, or spelled out,
`?optimizer_race.kappa=10&…`), and `presenter=1` shows every visualiser at presenter size.
The app runs on loopback; stop it with Ctrl+C.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import urllib.parse
from pathlib import Path

LAB_ONLY_EXTENSIONS = ("@jupyter/nbgrader", "@jupyter-notebook/lab-extension", "@voila-dashboards/jupyterlab-preview")
DEFAULT_PORT = 8866  # Voilà's own default
# Voilà's lab template without its CDN links (see the template): the app needs no network.
TEMPLATE_ROOT = Path(__file__).resolve().parent / "demo_template"
NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def demo_notebook(week: str, folder: Path = NOTEBOOKS) -> Path:
    """The lecture demo of `week` ("6", "06" or a file name), or a ValueError naming the choices."""
    candidates = sorted(folder.glob("*.ipynb"))
    key = week.removesuffix(".ipynb")
    for path in candidates:
        if path.stem == key or (key.isdigit() and path.stem.startswith(f"{int(key):02d}_")):
            return path
    weeks = ", ".join(path.stem for path in candidates) or f"none (is {folder} there?)"
    raise ValueError(f"There is no lecture demo for week {week!r}. The demos: {weeks}.")


def visualisers_in(notebook: Path) -> list[type]:
    """The Explorer classes a demo notebook shows (those of the `show_*` functions it calls)."""
    import dlcourse.viz
    from dlcourse.viz.explorer import Explorer

    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")
    found = []
    for call in dict.fromkeys(re.findall(r"\b(show_\w+)\(", code)):
        function = getattr(dlcourse.viz, call, None)
        if function is None:
            continue
        module = importlib.import_module(function.__module__)
        found += [value for value in vars(module).values()
                  if isinstance(value, type) and issubclass(value, Explorer) and value is not Explorer
                  and value.__module__ == function.__module__ and value not in found]
    return found


def setup_links(base_url: str, notebook: Path, presenter: bool) -> list[str]:
    """One line per named setup: its visualiser, its name, and the app's URL with it in place."""
    lines = []
    extra = [("presenter", "1")] if presenter else []
    for explorer in visualisers_in(notebook):
        for name in explorer.SETUPS:
            query = urllib.parse.urlencode([(explorer.name, name), *extra])
            lines.append(f"  {explorer.name}: {name}\n    {base_url}?{query}")
    return lines


def port_is_free(port: int) -> bool:
    with socket.socket() as s:
        if os.name != "nt":  # as Voilà binds it: a port a previous run just left is free
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def voila_command(notebook: Path, port: int) -> list[str]:
    voila = shutil.which("voila", path=str(Path(sys.executable).parent)) or shutil.which("voila")
    if voila is None:
        raise FileNotFoundError("Voilà is not installed in this environment: run `make setup` "
                                "(or `pip install voila`) first.")
    return [voila, str(notebook), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
            "--show_tracebacks=True", "--theme=light", "--Voila.port_retries=0", "--template=dlcourse",
            # JupyterLab-only extensions fail to load in a Voilà page (its console fills with errors).
            *(f"--VoilaConfiguration.extension_denylist={name}" for name in LAB_ONLY_EXTENSIONS)]


def voila_environment() -> dict[str, str]:
    """This environment, with the course's Voilà template found first (Jupyter's data path)."""
    paths = [str(TEMPLATE_ROOT), *filter(None, os.environ.get("JUPYTER_PATH", "").split(os.pathsep))]
    return {**os.environ, "JUPYTER_PATH": os.pathsep.join(paths)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dlcourse.demo", description=__doc__.splitlines()[0])
    parser.add_argument("week", help="the week, e.g. 06")
    parser.add_argument("--port", type=int, default=None, help="default: 8866, or a free port if it is taken")
    parser.add_argument("--presenter", action="store_true", help="every visualiser at presenter size")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(errors="replace")  # setup names have Greek letters; some consoles lack them
    try:
        notebook = demo_notebook(args.week)
        port = args.port or (DEFAULT_PORT if port_is_free(DEFAULT_PORT) else free_port())
        command = voila_command(notebook, port)
    except (ValueError, FileNotFoundError) as error:
        print(error, file=sys.stderr)
        return 2
    base_url = f"http://127.0.0.1:{port}/"
    print(f"The week's demo, {notebook.name}, opens at\n  {base_url}{'?presenter=1' if args.presenter else ''}")
    links = setup_links(base_url, notebook, args.presenter)
    if links:
        print("With a named setup in place:")
        print("\n".join(links))
    print("Stop it with Ctrl+C.", flush=True)
    if os.name == "nt":  # Windows has no exec: run Voilà as a child and wait for it
        try:
            return subprocess.call(command, cwd=notebook.parent, env=voila_environment())
        except KeyboardInterrupt:
            return 0
    # Voilà takes this process's place, so Ctrl+C (or a TERM) reaches it and nothing is left behind.
    os.chdir(notebook.parent)
    os.execve(command[0], command, voila_environment())


if __name__ == "__main__":
    sys.exit(main())
