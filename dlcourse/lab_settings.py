"""JupyterLab settings the course needs, installed into the environment: `python -m dlcourse.lab_settings`.

JupyterLab 4.6 with ipykernel 7 handles widget messages on kernel *subshells* (other threads) by
default. An explorer's slider callback and its canvas redraw then run on two threads at once on
the same matplotlib figure, and the cached background of a blit catches half-drawn paths: stale
lines and overlapping titles were seen in the browser tests. With comms over subshells disabled,
every widget message runs on the kernel's main thread, one after another.

The settings go to `<environment>/share/jupyter/lab/settings/overrides.json` (JupyterLab's
per-environment defaults; a user can still change them), merged with what is already there.
`make setup` runs this.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OVERRIDES = {
    "@jupyterlab/apputils-extension:kernels-settings": {"commsOverSubshells": "disabled"},
}


def overrides_path(prefix: str | Path = sys.prefix) -> Path:
    return Path(prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def install(prefix: str | Path = sys.prefix) -> Path:
    """Merge OVERRIDES into the environment's overrides.json; returns its path."""
    path = overrides_path(prefix)
    current = {}
    if path.exists():
        try:
            current = json.loads(path.read_text())
        except json.JSONDecodeError as error:
            raise SystemExit(f"{path} is not valid JSON ({error}); fix or remove it, then run this again") from None
    for plugin, values in OVERRIDES.items():
        current.setdefault(plugin, {}).update(values)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(current, indent=2) + "\n")
    return path


if __name__ == "__main__":
    print(f"JupyterLab settings for the course written to {install()}")
