"""The trusted judge: grade cells run in the grading worker, never in the student's kernel.

While a submission is graded, each grade cell (visible or hidden) is judged like this:

    grading worker (trusted)                            student's kernel (sandboxed)
    ------------------------------------------          ---------------------------------------
    the cell's test code runs here, in a                 runs a small serve loop (agent.py) in
    JudgeNamespace; the setup cell's imports are         place of the cell: each request calls
    the judge's own numpy, torch and checks     <-->     a student function, or reads a name,
    student names are proxies (proxies.py,     socket    and replies with data only (wire.py)
    link.py; twins.py keeps objects in step)

The cell's verdict is the judge's: its outputs become what the test printed, plus an error if a
check failed. What the student's code printed while the tests called it, warnings on stderr
included, is kept as ordinary text (it never costs points). Expected values, references and the
hidden tests' code stay in the worker; what reaches the kernel is the arguments of each call,
and, for an exercise graded alone (`checks.install_references`), the reference versions of the
other exercises' functions, pickled.
"""

from __future__ import annotations

import builtins
import io
import os
import re
import sys
import traceback
from pathlib import Path

from nbformat.notebooknode import NotebookNode

from autograder.judge import proxies
from autograder.judge.link import JudgeTimeout, KernelGone, Link
from autograder.judge.proxies import JudgeNamespace

AGENT_SOURCE = (Path(__file__).parent / "agent.py").read_text()
# What the kernel runs in place of a grade cell. The agent is a module of its own, so the
# student's namespace gains no names; it is compiled by the first grade cell and kept in
# sys.modules for the rest (a kernel grades one notebook); the trailing `;` keeps IPython from
# displaying a value. The agent is not trusted either way: the student's code can change it.
SERVE_CODE = ("(lambda _m: (_m.get('_dlcourse_judge') or _m.setdefault('_dlcourse_judge', "
              "(lambda _a: (exec(compile({source!r}, '<grader>', 'exec'), _a.__dict__), _a)[1])"
              "(type(_m['sys'])('_dlcourse_judge')))).serve({path!r}, globals()))(__import__('sys').modules);")
MAGIC = re.compile(r"^\s*[%!]")


class Judge:
    """One submission's judge: the trusted namespace and the link to its kernel."""

    def __init__(self, socket_path: str):
        self.socket_path = socket_path
        self.link: Link | None = None
        self.namespace: JudgeNamespace | None = None

    def serve_code(self) -> str:
        return SERVE_CODE.format(source=AGENT_SOURCE, path=self.socket_path)

    def start(self, nb) -> None:
        """Set up for one notebook: a fresh namespace from its read-only setup cell, a listener."""
        self.close()
        if os.path.exists(self.socket_path):
            os.unlink(self.socket_path)
        self.link = Link(self.socket_path)
        trusted = {"__name__": "__judge__", "__builtins__": builtins}
        for cell in nb.cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if cell.cell_type == "code" and meta.get("grade_id") == "setup" and meta.get("locked") \
                    and not meta.get("grade") and not meta.get("solution"):
                code = "\n".join(line for line in cell.source.splitlines() if not MAGIC.match(line))
                exec(compile(code, "<setup>", "exec"), trusted)
        proxies.install_kernel_module_class()
        torch = sys.modules.get("torch")
        if torch is not None:  # the worker shares the CPUs with its kernel and the other workers
            torch.set_num_threads(1)
        self.namespace = JudgeNamespace(trusted)

    def close(self) -> None:
        if self.link is not None:
            self.link.close()
            self.link = None
        if os.path.exists(self.socket_path):
            os.unlink(self.socket_path)

    def judge_cell(self, source: str, name: str, deadline: float, cell_ended) -> list[NotebookNode]:
        """Run one grade cell's tests against the kernel; its outputs (the verdict).

        cell_ended: a threading.Event set when the kernel's cell has finished."""
        printed = io.StringIO()
        error: BaseException | None = None
        namespace = self.namespace
        try:
            self.link.accept(deadline, cell_ended)
            namespace.start_cell(self.link)
            namespace["print"] = lambda *args, **kwargs: builtins.print(*args, **{**kwargs, "file": printed})
            exec(compile(source, f"<{name}>", "exec"), namespace)
        except BaseException as caught:  # the test's verdict, or the kernel's failure
            error = caught
        finally:
            dict.pop(namespace, "print", None)
            self.link.close_cell()
        outputs = []
        if printed.getvalue():
            outputs.append(NotebookNode(output_type="stream", name="stdout", text=printed.getvalue()))
        if error is not None:
            outputs.append(error_output(error, name))
        return outputs


def error_output(error: BaseException, cell_name: str) -> NotebookNode:
    """An nbformat error output naming the check that failed, with only the test cell's frames."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == f"<{cell_name}>"]
    lines = [f"  line {f.lineno} of the test" for f in frames[-1:]]
    ename = type(error).__name__
    if isinstance(error, (JudgeTimeout, KernelGone)):
        ename = "TimeoutError" if isinstance(error, JudgeTimeout) else "KernelDied"
    evalue = str(error)
    return NotebookNode(output_type="error", ename=ename, evalue=evalue,
                        traceback=lines + [f"{ename}: {evalue}"])


def kernel_text(outputs) -> list[NotebookNode]:
    """The kernel's outputs during a judged cell, as plain text: they can never decide a score."""
    text = []
    for out in outputs:
        if out.get("output_type") == "stream":
            text.append(out.get("text", ""))
        elif out.get("output_type") == "error":
            if out.get("ename") not in ("KeyboardInterrupt",):
                text.append(f"[{out.get('ename')}: {out.get('evalue')}]\n")
        elif out.get("output_type") in ("display_data", "execute_result"):
            plain = out.get("data", {}).get("text/plain")
            if plain:
                text.append(plain + "\n")
    joined = "".join(text)
    return [NotebookNode(output_type="stream", name="stdout", text=joined)] if joined else []


__all__ = ["Judge", "error_output", "kernel_text"]
