"""grade: autograde a class, write feedback without hidden tests, export grades.csv.

Reads submitted/<student>/<assignment>/<assignment>.ipynb and never writes there. Before it
touches the gradebook it saves a consistent copy in backups/. Each student is graded on their
own, so one broken submission (invalid JSON, an infinite loop, a crash, sys.exit) costs only
that student's time and never stops the class.
"""

from __future__ import annotations

import resource
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import nbformat

from autograder import notebooks
from autograder.course import CourseError, check_assignment, load_config, nbgrader_api, notebook_path
from autograder.scan import Flag, scan_notebook


# Address space a grading kernel may use. Enough for torch and week 8's CNN (about 1 GB);
# a submission that allocates without end gets a MemoryError instead of the machine's OOM killer.
KERNEL_MEMORY_LIMIT = 4 * 2**30


@contextmanager
def kernel_memory_limit(limit: int | None):
    """Lower this process's soft address-space limit while kernels start: they inherit it."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if limit is None or (hard != resource.RLIM_INFINITY and hard < limit):
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


@dataclass
class StudentResult:
    student_id: str
    status: str  # graded | malformed | failed
    score: float = 0.0
    max_score: float = 0.0
    seconds: float = 0.0
    flags: list[Flag] = field(default_factory=list)
    message: str = ""


@dataclass
class GradeReport:
    assignment_id: str
    results: list[StudentResult]
    csv_path: Path
    feedback_dir: Path
    backup: Path | None

    def format(self) -> str:
        lines = [f"grade {self.assignment_id}: {len(self.results)} submissions"]
        for r in self.results:
            score = f"{r.score:5.1f}/{r.max_score:<5.1f}" if r.status == "graded" else " " * 11
            lines.append(f"  {r.student_id:<24} {r.status:<9} {score} {r.seconds:5.1f} s  {r.message}")
            lines.extend(f"      review: {flag}" for flag in r.flags)
        lines.append(f"  grades:   {self.csv_path}")
        lines.append(f"  feedback: {self.feedback_dir}/<student>/{self.assignment_id}/")
        if self.backup:
            lines.append(f"  gradebook backed up to {self.backup}")
        return "\n".join(lines)


def backup_gradebook(db_url: str, root: Path) -> Path | None:
    """Copy an SQLite gradebook to backups/ (sqlite's backup API: consistent even mid-write)."""
    if not db_url.startswith("sqlite:///"):
        return None  # PostgreSQL and others: back up with the database's own tools
    path = Path(db_url[len("sqlite:///"):])
    if not path.exists():
        return None
    target = root / "backups" / f"gradebook-{datetime.now():%Y%m%d-%H%M%S-%f}.db"
    target.parent.mkdir(exist_ok=True)
    with sqlite3.connect(path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target


def read_submission(path: Path) -> tuple[nbformat.NotebookNode | None, str]:
    """The submitted notebook, or None and a message saying what is wrong with the file."""
    if not path.exists():
        return None, f"no {path.name} in the submission folder (was the notebook renamed?)"
    try:
        nb = nbformat.read(str(path), as_version=4)
        nbformat.validate(nb)
    except Exception as error:  # invalid JSON, wrong nbformat, missing keys...
        first = str(error).strip().splitlines()[0][:160] if str(error).strip() else type(error).__name__
        return None, f"not a valid notebook ({first}); ask the student to resubmit"
    return nb, ""


def grade(root: Path, assignment_id: str, csv_path: Path | None = None, log=print,
          memory_limit: int | None = KERNEL_MEMORY_LIMIT) -> GradeReport:
    """Grade every submission of `assignment_id` in the course at `root`.

    memory_limit: bytes of address space each grading kernel may use (None: no limit).
    """
    from nbgrader.api import Gradebook, MissingEntry
    from nbgrader.plugins import CsvExportPlugin

    root = root.resolve()
    check_assignment(root, assignment_id)
    api = nbgrader_api(load_config(root))
    release_path = notebook_path(root / "release", assignment_id)
    with Gradebook(api.coursedir.db_url, api.coursedir.course_id) as gradebook:
        try:
            gradebook.find_assignment(assignment_id)
        except MissingEntry:
            raise CourseError(
                f"{assignment_id} is not in the gradebook yet: run `python -m autograder build "
                f"{assignment_id}` first (it registers the assignment and its tests)."
            ) from None
    submitted = root / "submitted"
    students = sorted(p.parent.name for p in submitted.glob(f"*/{assignment_id}") if p.is_dir())
    if not students:
        raise CourseError(
            f"No submissions found: expected folders {submitted}/<student id>/{assignment_id}/ "
            f"holding {assignment_id}.ipynb (nbgrader collect or zip_collect puts them there)."
        )
    backup = backup_gradebook(api.coursedir.db_url, root)
    release = notebooks.read(release_path)
    results = []
    for student in students:
        start = time.perf_counter()
        nb, problem = read_submission(notebook_path(submitted / student, assignment_id))
        if nb is None:
            results.append(StudentResult(student, "malformed", message=problem))
            log(f"{student}: {problem}")
            continue
        result = StudentResult(student, "graded", flags=scan_notebook(nb, release))
        with kernel_memory_limit(memory_limit):
            outcome = api.autograde(assignment_id, student, force=True, create=True)
        if not outcome["success"]:
            details = (outcome.get("error") or "") + (outcome.get("log") or "")
            result.status = "failed"
            if "DeadKernel" in details or "Kernel died" in details:
                result.message = ("the kernel died while running it (os._exit, a crash or out of memory); "
                                  "no score recorded: review it by hand")
            else:
                result.message = "nbgrader could not grade it: " + _last_line(details)
        else:
            feedback = api.generate_feedback(assignment_id, student, force=True)
            if not feedback["success"]:
                result.message = "feedback failed: " + _last_line(feedback.get("error") or feedback.get("log"))
        result.seconds = time.perf_counter() - start
        results.append(result)
        log(f"{student}: {result.status} in {result.seconds:.1f} s")
    csv_path = (csv_path or root / "grades.csv").resolve()
    with Gradebook(api.coursedir.db_url, api.coursedir.course_id) as gradebook:
        for result in results:
            if result.status == "graded":
                submission = gradebook.find_submission(assignment_id, result.student_id)
                result.score, result.max_score = float(submission.score), float(submission.max_score)
        CsvExportPlugin(to=str(csv_path)).export(gradebook)
    return GradeReport(assignment_id, results, csv_path, root / "feedback", backup)


def _last_line(text: str | None) -> str:
    lines = [line for line in (text or "").strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else "no details"
