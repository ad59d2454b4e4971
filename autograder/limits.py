"""Limits on one submission's run: nbgrader's Execute with a wall clock, an output cap and a dead-kernel rule.

nbgrader already interrupts a cell after `Execute.timeout` seconds. This preprocessor adds what a
class of hundreds needs, and is listed in `Autograde.autograde_preprocessors` while grading:

- a wall-clock limit for the whole submission: each cell's timeout shrinks to the time left, and
  once it is spent the remaining cells are not run (each gets an error, so its tests score 0);
- an output cap per cell, in bytes, enforced while the output streams in (nbgrader's LimitOutput
  trims lines afterwards, when a flood has already filled the grader's memory);
- a kernel that dies (os._exit, a segfault, the memory limit) ends the run: the cells that ran keep
  their results, the rest get an error. nbgrader's own Execute gives up on the whole notebook;
- with `judge_socket` set, every grade cell is judged outside the kernel (autograder/judge): the
  kernel runs a serve loop in the cell's place, and the cell's outputs become the judge's verdict.

What happened is appended to `EVENTS` in words, for the TA's report.
"""

from __future__ import annotations

import threading
import time

from nbclient.exceptions import DeadKernelError
from nbformat.notebooknode import NotebookNode
from traitlets import Float, Integer, Unicode

from nbgrader.preprocessors import Execute
from nbgrader.utils import is_grade, is_solution

# Limits the current run hit, in words; the worker clears it before each submission.
EVENTS: list[str] = []


def error_output(ename: str, evalue: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"])


def cell_name(cell, index: int) -> str:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") or f"cell {index + 1}"


class LimitedExecute(Execute):
    submission_timeout = Float(600.0, help="Seconds the whole submission may run.").tag(config=True)
    max_output_bytes = Integer(1_000_000, help="Bytes of output kept per cell.").tag(config=True)
    judge_socket = Unicode("", help="Unix socket path for the trusted judge; empty: tests run in the kernel.").tag(
        config=True)

    def preprocess(self, nb, resources=None, km=None):
        self._deadline = time.monotonic() + self.submission_timeout
        self._cell_timeout = self.timeout
        self._stopped = ""  # why the remaining cells are not run
        self._judge = None
        if self.judge_socket:
            from autograder.judge import Judge

            self._judge = Judge(self.judge_socket)
            self._judge.start(nb)
        try:
            return super().preprocess(nb, resources, km)
        finally:
            self.timeout = self._cell_timeout
            if self._judge is not None:
                self._judge.close()

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, resources
        if self._stopped:
            cell.outputs = [error_output("NotRun", self._stopped)]
            return cell, resources
        left = self._deadline - time.monotonic()
        if left <= 0:
            self._stop(f"the submission ran past its {self.submission_timeout:g} s time limit", cell, index)
            cell.outputs = [error_output("SubmissionTimeLimit", self._stopped)]
            return cell, resources
        # nbclient counts whole seconds; the submission's limit wins when less time is left.
        limit_is_submission = left < self._cell_timeout
        self.timeout = max(1, int(left)) if limit_is_submission else self._cell_timeout
        self._output_bytes, self._output_cut = 0, False
        if self._judge is not None and is_grade(cell) and not is_solution(cell):
            return self._judged(cell, resources, index, limit_is_submission)
        return self._run(cell, resources, index, limit_is_submission)

    def _judged(self, cell, resources, index, limit_is_submission):
        """Run the judge's serve loop in the kernel while the judge runs the cell's tests."""
        from autograder.judge import error_output as verdict_error, kernel_text

        tests, name = cell.source, cell_name(cell, index)
        deadline = time.monotonic() + max(0.5, self.timeout - 0.5)  # give up before nbclient interrupts
        verdict: dict = {}
        cell_ended = threading.Event()

        def judge():
            verdict["outputs"] = self._judge.judge_cell(tests, name, deadline, cell_ended)

        thread = threading.Thread(target=judge, name=f"judge {name}", daemon=True)
        cell.source = self._judge.serve_code()
        thread.start()
        try:
            cell, resources = self._run(cell, resources, index, limit_is_submission)
        finally:
            cell.source = tests
            cell_ended.set()
            thread.join(max(1.0, deadline - time.monotonic() + 2.0))
        if thread.is_alive():  # the judge is stuck on a dead link: it gives up by itself
            self._judge.link.close_cell()
        outputs = verdict["outputs"] if "outputs" in verdict else [
            verdict_error(TimeoutError("the tests did not finish in time"), name)]
        cell.outputs = kernel_text(cell.outputs) + outputs
        return cell, resources

    def _run(self, cell, resources, index, limit_is_submission):
        start = time.monotonic()
        try:
            cell, resources = super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self._stop(f"the kernel died in {cell_name(cell, index)} (os._exit, a crash, or the memory limit)",
                       cell, index)
            cell.outputs.append(error_output("DeadKernel", self._stopped))
            return cell, resources
        if time.monotonic() - start >= self.timeout:
            if limit_is_submission:
                self._stop(f"the submission ran past its {self.submission_timeout:g} s time limit "
                           f"in {cell_name(cell, index)}", cell, index)
            else:
                EVENTS.append(f"{cell_name(cell, index)} ran past the {self._cell_timeout} s cell timeout "
                              "and was interrupted")
        return cell, resources

    def _stop(self, why: str, cell, index: int) -> None:
        self._stopped = why + "; the cells after it were not run"
        EVENTS.append(self._stopped)

    def output(self, outs, msg, display_id, cell_index):
        # Count what the kernel sends; past the cap keep one note and drop the rest.
        content = msg.get("content", {})
        size = len(content.get("text", "")) + sum(len(str(v)) for v in content.get("data", {}).values())
        self._output_bytes += size
        if self._output_bytes > self.max_output_bytes and msg["msg_type"] in (
                "stream", "display_data", "execute_result", "update_display_data"):
            if not self._output_cut:
                self._output_cut = True
                note = f"... output cut: the cell printed more than {self.max_output_bytes:,} bytes"
                outs.append(NotebookNode(output_type="stream", name="stderr", text=note + "\n"))
                name = cell_name(self.nb.cells[cell_index], cell_index)
                EVENTS.append(f"{name} printed more than {self.max_output_bytes:,} bytes; the rest was cut")
            return None
        return super().output(outs, msg, display_id, cell_index)
