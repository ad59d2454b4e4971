"""Check my work: ask the course's JupyterHub to grade your saved notebook against the hidden tests.

In a notebook on the hub, in a new cell:

    from dlcourse.check_my_work import check_my_work
    check_my_work()

or in a terminal: `python -m dlcourse.check_my_work a01_models_and_loss.ipynb`.

You see, for each exercise, whether it passes, and the known mistake its tests recognised, if
any; never the hidden tests themselves. A few checks a day per assignment (the course sets how
many). On a laptop there is no hub to ask: the visible tests in the notebook are your check.
"""

from __future__ import annotations

import html
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime
from pathlib import Path

MAX_BYTES = 10 * 2**20  # the service's limit too
NOT_ON_HUB = ("Check my work runs on the course's JupyterHub only. Here, run the visible tests in "
              "your notebook: they are your check.")


def _find_notebook(notebook: str | os.PathLike | None) -> Path | None:
    if notebook is not None:
        return Path(notebook)
    found = sorted(Path.cwd().glob("a[0-9][0-9]_*.ipynb"))
    return found[0] if len(found) == 1 else None


def request_check(path: Path, url: str, token: str, timeout: float = 900) -> tuple[int, dict]:
    """POST the notebook at `path` to the service; (HTTP status, the reply's data)."""
    request = urllib.request.Request(url.rstrip("/") + f"/check/{urllib.parse.quote(path.stem)}",
                                     data=path.read_bytes(), method="POST",
                                     headers={"Authorization": f"token {token}",
                                              "Content-Type": "application/x-ipynb+json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        try:
            return error.code, json.loads(error.read())
        except ValueError:
            return error.code, {"error": f"The check service answered with an error ({error.code}). "
                                         "Please tell your TA."}
    except Exception:  # noqa: BLE001 - unreachable, refused, a bad URL: the student can only retry
        return 0, {"error": "The check service did not answer. Please try again in a few minutes, and "
                            "tell your TA if it keeps happening."}


def as_text(reply: dict) -> str:
    lines = [f"Check of {reply['assignment']}: check {reply['used']} of {reply['per_day']} today."]
    for exercise in reply["exercises"]:
        lines.append(f"  {'✓ passed ' if exercise['passed'] else '✗ not yet'}  {exercise['name']}")
        lines += [f"               Known mistake: {sentence}" for sentence in exercise["mistakes"]]
    lines += [f"  Problem: {problem}" for problem in reply["problems"]]
    if reply["written"]:
        lines.append("  Written answers are graded by a TA after the deadline.")
    return "\n".join(lines)


def as_html(reply: dict) -> str:
    rows = []
    for exercise in reply["exercises"]:
        verdict = ('<b style="color:#1a7f37">✓ passed</b>' if exercise["passed"]
                   else '<b style="color:#9a3412">✗ not yet</b>')
        hints = "".join(f"<div>Known mistake: {html.escape(s)}</div>" for s in exercise["mistakes"])
        rows.append(f"<tr><td><code>{html.escape(exercise['name'])}</code></td><td>{verdict}</td>"
                    f"<td style='text-align:left'>{hints}</td></tr>")
    notes = "".join(f"<p>Problem: {html.escape(p)}</p>" for p in reply["problems"])
    if reply["written"]:
        notes += "<p>Written answers are graded by a TA after the deadline.</p>"
    return (f"<p><b>Check of {html.escape(reply['assignment'])}</b>: check {reply['used']} of "
            f"{reply['per_day']} today.</p><table><thead><tr><th>exercise</th><th>hidden tests</th>"
            f"<th>what they recognised</th></tr></thead><tbody>{''.join(rows)}</tbody></table>{notes}")


def check_my_work(notebook: str | os.PathLike | None = None) -> None:
    """Have the hub grade your *saved* notebook against the hidden tests; show which exercises pass.

    notebook: the notebook's file name; by default the one aNN_*.ipynb in this folder.
    Save first (Ctrl+S): the check reads the file, not what is in this kernel.
    """
    reply = run_check(notebook)
    if reply is None:
        return
    try:
        from IPython import get_ipython
        from IPython.display import HTML, display

        if get_ipython() is not None:
            display(HTML(as_html(reply)))
            return
    except ImportError:
        pass
    print(as_text(reply))


def run_check(notebook: str | os.PathLike | None = None) -> dict | None:
    """Ask for the check; the reply, or None when there is none (the reason is printed)."""
    url, token = os.environ.get("DLCOURSE_CHECK_URL"), os.environ.get("JUPYTERHUB_API_TOKEN")
    if not url or not token:
        print(NOT_ON_HUB)
        return None
    path = _find_notebook(notebook)
    if path is None:
        print("Say which notebook to check, for example check_my_work(\"a01_models_and_loss.ipynb\").")
        return None
    if not path.is_file():
        print(f"There is no notebook called {path.name} in this folder. Check the name and try again.")
        return None
    if path.stat().st_size > MAX_BYTES:
        print(f"{path.name} is {path.stat().st_size / 2**20:.0f} MB, more than a check takes. Clear its outputs "
              "(Edit → Clear Outputs of All Cells), save it and check again.")
        return None
    saved = datetime.fromtimestamp(path.stat().st_mtime)
    print(f"Checking {path.name} as saved at {saved:%H:%M}; this takes a few seconds, up to a minute.", flush=True)
    status, reply = request_check(path, url, token)
    if status != 200:
        print(reply.get("error", "The check failed. Please tell your TA."))
        return None
    return reply


if __name__ == "__main__":
    answer = run_check(sys.argv[1] if len(sys.argv) > 1 else None)
    if answer is not None:
        print(as_text(answer))
    sys.exit(0 if answer is not None else 1)
