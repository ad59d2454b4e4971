"""check_my_work: a student's notebook graded against the hidden tests before the deadline.

A check grades the notebook exactly as `grade` grades a submission (the sandbox, the limits, the
judge that runs the tests outside the kernel), but in a throw-away copy of the course: the
course's gradebook, submitted/ and feedback/ are never touched.

What goes back to the student is data only, built here from what the grader measured:

    for each exercise   passed or not, and the known mistakes its failed tests named. A mistake
                        is shown only if it is, word for word, a sentence of the course's own
                        catalogue: a student's code that raises "Known mistake: <a hidden input>"
                        gets nothing back.
    problems            the limits the notebook hit ("cell test_mae ran past the 30 s timeout").

Never a test's code, its inputs, its expected values, a traceback or anything printed.

Each student has `per_day` checks per assignment per calendar day, and one at a time. Every
request is a line of checks/<assignment>.jsonl in the course (who, when, the notebook's SHA-256,
what was returned, or why it was refused); the TA report counts them per student (`usage`).
The hub service in autograder/check_service.py authenticates the student and calls `Checker.check`.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from autograder import misconceptions, notebooks
from autograder.course import assignment_ids, notebook_path, own_gradebook

MAX_NOTEBOOK_BYTES = 10 * 2**20
PER_DAY = 3
COUNTED = ("checked", "failed")  # a try in which the student's code ran, to the end or not
FULL_MARKS_TOLERANCE = 1e-9


class CheckRefused(Exception):
    """A check that is not run; `status` is the HTTP status, the message is for the student."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass
class _Ticket:
    student: str
    assignment_id: str
    digest: str
    nb: object
    used: int  # the how-manieth check of the day this is


@dataclass
class _Prepared:
    digest: str  # of the source notebook and the course's config: a change rebuilds
    course: Path


def log_path(root: Path, assignment_id: str) -> Path:
    return root / "checks" / f"{assignment_id}.jsonl"


def read_log(root: Path, assignment_id: str) -> list[dict]:
    path = log_path(root, assignment_id)
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:  # a line cut by a crash: the others still count
            continue
    return rows


def usage(root: Path, assignment_id: str) -> dict[str, dict[str, int]]:
    """Student -> {"checked": checks run, "refused": requests refused}, for the TA report."""
    counts: dict[str, Counter] = {}
    for row in read_log(root, assignment_id):
        kind = "checked" if row.get("event") in COUNTED else "refused" if row.get("event") == "refused" else None
        if kind:
            counts.setdefault(row.get("student", "?"), Counter())[kind] += 1
    return {student: {"checked": c["checked"], "refused": c["refused"]} for student, c in sorted(counts.items())}


class Checker:
    """Checks notebooks for one course. Thread-safe: the service runs checks side by side.

    clock: returns the current time (the tests move it to the next day).
    """

    def __init__(self, root: Path, per_day: int = PER_DAY, clock=datetime.now, workdir: Path | None = None,
                 utcnow=lambda: datetime.now(timezone.utc).replace(tzinfo=None)):
        self.root = Path(root).resolve()
        self.per_day = per_day
        self.clock = clock
        self.utcnow = utcnow  # nbgrader keeps due dates in UTC, without a time zone
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="check-my-work-"))
        self.workdir.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._running: set[tuple[str, str]] = set()
        self._prepared: dict[str, _Prepared] = {}
        self._preparing = threading.Lock()

    # ---- the request -------------------------------------------------------------------------

    def check(self, student: str, assignment_id: str, body: bytes) -> dict:
        """Grade `body` (a notebook's bytes) as `student`'s work on `assignment_id`; the reply."""
        return self.run(self.admit(student, assignment_id, body))

    def admit(self, student: str, assignment_id: str, body: bytes) -> "_Ticket":
        """Everything that may refuse a check, quickly, before any grading: a ticket for `run`."""
        if assignment_id not in assignment_ids(self.root) or not (self.root / "release" / assignment_id).is_dir():
            raise CheckRefused(404, f"There is no assignment called {assignment_id!r} to check. Check your "
                                    "notebook's name: it must be the assignment's own, as you fetched it.")
        digest = hashlib.sha256(body).hexdigest()
        nb = self._read(student, assignment_id, body, digest)
        self._refuse_after_deadline(student, assignment_id, digest)
        used = self._reserve(student, assignment_id, digest)
        return _Ticket(student, assignment_id, digest, nb, used)

    def run(self, ticket: "_Ticket") -> dict:
        """Grade an admitted notebook. Every try in which the student's code ran counts."""
        student, assignment_id, digest = ticket.student, ticket.assignment_id, ticket.digest
        start, event, details = time.perf_counter(), "failed", {"why": "the grader failed"}
        try:
            result = self._grade(assignment_id, ticket.nb)
            if result.status != "graded":
                details = {"why": result.message}
                raise CheckRefused(503, "Your notebook could not be checked to the end, and this try counted. "
                                        "Restart the kernel, run all cells, fix the first error and check again.")
            reply = self._reply(assignment_id, result, ticket.used)
            event = "checked"
            details = {"passed": [e["name"] for e in reply["exercises"] if e["passed"]],
                       "not_passed": [e["name"] for e in reply["exercises"] if not e["passed"]]}
            return reply
        finally:  # whatever happened, the student may check again, and the log says what it was
            self._release(student, assignment_id, digest, event, seconds=round(time.perf_counter() - start, 1),
                          **details)

    def _read(self, student: str, assignment_id: str, body: bytes, digest: str):
        import nbformat

        if len(body) > MAX_NOTEBOOK_BYTES:
            self._log(student, assignment_id, "invalid", digest, why=f"{len(body)} bytes")
            raise CheckRefused(413, f"Your notebook is {len(body) / 2**20:.0f} MB, more than the "
                                    f"{MAX_NOTEBOOK_BYTES // 2**20} MB a check takes. Clear its outputs "
                                    "(Edit → Clear Outputs of All Cells), save it and check again.")
        try:
            nb = nbformat.reads(body.decode("utf-8"), as_version=4)
            nbformat.validate(nb)
        except Exception as error:  # noqa: BLE001 - any parse failure is the same answer
            self._log(student, assignment_id, "invalid", digest, why=f"{type(error).__name__}")
            raise CheckRefused(400, "This is not a notebook file that Jupyter can open, so it cannot be "
                                    "checked. Save your notebook in JupyterLab and check it again.") from None
        return nb

    def _refuse_after_deadline(self, student: str, assignment_id: str, digest: str) -> None:
        due = self._due_date(assignment_id)
        if due is not None and self.utcnow() > due:
            self._log(student, assignment_id, "refused", digest, why="after the deadline")
            raise CheckRefused(403, f"The deadline of {assignment_id} has passed, so checks are closed. "
                                    "Your graded feedback will show how each exercise did.")

    def _due_date(self, assignment_id: str):
        from nbgrader.api import Gradebook, MissingEntry

        from autograder.course import load_config, nbgrader_api

        db_url = nbgrader_api(load_config(self.root)).coursedir.db_url
        try:
            with Gradebook(db_url) as gradebook:
                return gradebook.find_assignment(assignment_id).duedate
        except MissingEntry:
            return None

    # ---- the daily limit and the log --------------------------------------------------------

    def _reserve(self, student: str, assignment_id: str, digest: str) -> int:
        """Count this check against today's limit, or refuse it; the number it is today."""
        with self._lock:
            today = self.clock().date().isoformat()
            used = sum(1 for row in read_log(self.root, assignment_id)
                       if row.get("student") == student and row.get("event") in COUNTED
                       and str(row.get("time", "")).startswith(today))
            if (student, assignment_id) in self._running:
                self._log(student, assignment_id, "refused", digest, why="a check is still running")
                raise CheckRefused(409, "Your previous check is still running. Its answer will appear where "
                                        "you asked for it; wait for it before checking again.")
            if used >= self.per_day:
                self._log(student, assignment_id, "refused", digest, why=f"daily limit of {self.per_day}")
                raise CheckRefused(429, f"You have used your {self.per_day} checks of {assignment_id} for today. "
                                        "You can check again tomorrow; the visible tests still run in your "
                                        "notebook.")
            self._running.add((student, assignment_id))
            return used + 1

    def _release(self, student: str, assignment_id: str, digest: str, event: str, **details) -> None:
        with self._lock:
            self._running.discard((student, assignment_id))
            self._log(student, assignment_id, event, digest, **details)

    def _log(self, student: str, assignment_id: str, event: str, digest: str, **details) -> None:
        path = log_path(self.root, assignment_id)
        path.parent.mkdir(exist_ok=True)
        row = {"time": self.clock().isoformat(timespec="seconds"), "student": student, "assignment": assignment_id,
               "event": event, "sha256": digest, **details}
        with open(path, "a", encoding="utf-8") as log:  # one line a write: appends do not interleave
            log.write(json.dumps(row, ensure_ascii=False) + "\n")

    # ---- grading, in a throw-away course ------------------------------------------------------

    def _grade(self, assignment_id: str, nb):
        from autograder.grade import grade

        template = self._prepare(assignment_id)
        course = Path(tempfile.mkdtemp(prefix="check-", dir=self.workdir))
        try:
            shutil.copytree(template, course, dirs_exist_ok=True)
            own_gradebook(course)
            # The student's name stays out of the folder names: any string from the hub is safe.
            notebooks.write(nb, notebook_path(course / "submitted" / "student", assignment_id))
            report = grade(course, assignment_id, log=lambda *_: None, workers=1, report=False, feedback=False)
            return report.results[0]
        finally:
            shutil.rmtree(course, ignore_errors=True)

    def _prepare(self, assignment_id: str) -> Path:
        """A course folder with this assignment built (release and gradebook), made once."""
        from autograder.build import build

        source = notebook_path(self.root / "source", assignment_id)
        digest = hashlib.sha256(source.read_bytes() + (self.root / "nbgrader_config.py").read_bytes()).hexdigest()
        with self._preparing:
            ready = self._prepared.get(assignment_id)
            if ready is not None and ready.digest == digest:
                return ready.course
            course = Path(tempfile.mkdtemp(prefix=f"template-{assignment_id}-", dir=self.workdir))
            shutil.copytree(self.root / "source" / assignment_id, course / "source" / assignment_id)
            shutil.copy(self.root / "nbgrader_config.py", course / "nbgrader_config.py")
            own_gradebook(course)
            build(course, [assignment_id], log=lambda *_: None)
            # An older template stays: a check may be copying it right now.
            self._prepared[assignment_id] = _Prepared(digest, course)
            return course

    # ---- the reply: data only ----------------------------------------------------------------

    def _reply(self, assignment_id: str, result, used: int) -> dict:
        from autograder.grade import exercise_max

        release = notebooks.read(notebook_path(self.root / "release", assignment_id))
        catalogue = {s for sentences in misconceptions.judge_mistakes(assignment_id).values() for s in sentences}
        exercises = []
        for name, top in exercise_max(release).items():
            score = result.exercises.get(name, (0.0, top))[0]
            passed = score >= top - FULL_MARKS_TOLERANCE
            named = [] if passed else [s for s in result.mistakes.get(name, []) if s in catalogue]
            exercises.append({"name": name, "passed": passed, "mistakes": named})
        written = [notebooks.grade_id(c) for c in release.cells if notebooks.is_written(c)]
        return {"assignment": assignment_id, "exercises": exercises, "written": written,
                "problems": _problems(result.limits), "used": used, "per_day": self.per_day}


# What a student is told of the limits their notebook hit: fixed sentences, each once, never which
# cell or how often (a cell of the student's that times out on purpose would otherwise signal
# whatever it learnt from the hidden tests' inputs).
TIMEOUT = "A cell ran past the time limit for one cell and was stopped."
OUTPUT = "A cell printed more than grading keeps; the rest of its output was cut."
STOPPED = "Grading stopped before the end of your notebook (a limit was reached)."


def _problems(limits: list[str]) -> list[str]:
    said = {TIMEOUT if "cell timeout" in event else OUTPUT if "printed more than" in event else STOPPED
            for event in limits}
    return [sentence for sentence in (TIMEOUT, OUTPUT, STOPPED) if sentence in said]

