"""grade: autograde a class in parallel, with limits; feedback without hidden tests; grades.csv; a TA report.

nbgrader stays the engine and its gradebook the record. nbgrader grades one submission at a
time and its SQLite gradebook is not safe for concurrent writers, so:

    workers (one process each)                     the grader (one process, the only writer)
    ---------------------------------------        -------------------------------------------
    a private course folder with its own           hands out students; for each result, in one
    SQLite gradebook (the assignment built          transaction, copies the scores into the
    from source/); per student: the scan,          course's gradebook (SQLite or PostgreSQL,
    nbgrader autograde in a sandboxed kernel,       `db_url`), moves the autograded notebook
    the scores                                      into place, writes feedback from the
                                                    gradebook, and appends the student to the
                                                    ledger

Reads submitted/<student>/<assignment>/ and never writes there. Before it touches the gradebook
it saves a copy in backups/ (SQLite). The ledger, grading/<assignment>.jsonl, makes a run that was
killed resumable: a student is skipped when the ledger holds their submission's SHA-256 under the
same `grading_fingerprint` (source notebook, checks, config, limits, grader code), and re-graded
otherwise. One run at a time holds grading/grade.lock; a worker that dies has its students
graded again once on fresh workers. Scores are written with nbgrader's gradebook API and
keyed by student, notebook and cell, so grading a student again replaces, never duplicates.

A submission that exceeds a limit (see `Limits`) gets 0 for what did not finish, and the report
says why. The grade cells are judged outside the kernel (autograder/judge), so code that tampers
with grading cannot change a score: the scan only lists it for the TA's review.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import nbformat

from autograder import limits, misconceptions, notebooks, sandbox
from autograder.cohort import named_mistakes
from autograder.course import CourseError, check_assignment, load_config, nbgrader_api, notebook_path
from autograder.results import StudentResult
from autograder.scan import held_exercises

# Address space a grading kernel may use. Enough for torch and week 8's CNN (about 1 GB);
# a submission that allocates without end gets a MemoryError instead of the machine's OOM killer.
KERNEL_MEMORY_LIMIT = 4 * 2**30
# The comment earlier versions wrote on a hold (a manual 0); regrading lifts it (see _merge).
HOLD_COMMENT = "Held at 0 for review: code before this exercise's tests tampers with grading ({})."


@dataclass
class Limits:
    """What one submission may use. cell_timeout None: the course's `Execute.timeout`."""

    cell_timeout: int | None = None
    submission_timeout: float = 600.0
    memory_bytes: int | None = KERNEL_MEMORY_LIMIT
    output_bytes: int = 1_000_000
    isolate: bool = True  # the bubblewrap sandbox; False only when the TA passes --no-sandbox


@dataclass
class GradeReport:
    assignment_id: str
    results: list[StudentResult]
    csv_path: Path
    feedback_dir: Path
    backup: Path | None
    report_html: Path | None = None
    workers: int = 1
    sandbox: str = ""  # "on", or why it is off
    resumed: list[str] = field(default_factory=list)  # students whose grade the ledger already held
    seconds: float = 0.0

    def format(self) -> str:
        lines = [f"grade {self.assignment_id}: {len(self.results)} submissions, {self.workers} workers, "
                 f"sandbox {self.sandbox}, {self.seconds:.1f} s"]
        for r in self.results:
            score = f"{r.score:5.1f}/{r.max_score:<5.1f}" if r.status == "graded" else " " * 11
            again = "  (from the ledger)" if r.student_id in self.resumed else ""
            lines.append(f"  {r.student_id:<24} {r.status:<9} {score} {r.seconds:5.1f} s{again}")
            lines.extend(f"      review: {why}" for why in r.reasons)
        waiting = [r.student_id for r in self.results if r.written]
        if waiting:
            lines.append(f"  written answers to grade by hand (formgrader, Manual Grading): {len(waiting)} "
                         f"submission{'s' if len(waiting) != 1 else ''}; the scores above are the autograded part")
        lines.append(f"  grades:   {self.csv_path}")
        lines.append(f"  feedback: {self.feedback_dir}/<student>/{self.assignment_id}/")
        if self.report_html:
            lines.append(f"  report:   {self.report_html}")
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


GRADER_FILES = ["grade.py", "limits.py", "sandbox.py", "judge/*.py"]  # globs, under autograder/


def grading_fingerprint(root: Path, assignment_id: str, limits_: "Limits", cell_timeout: int) -> str:
    """What a grade depends on besides the submission: the source notebook, the checks the tests
    call, the course's nbgrader config, the limits, and the grader's own code. The ledger keeps a
    grade only while this is unchanged, so a fix to any of them regrades instead of resuming."""
    from dlcourse import checks

    parts = [sha256(notebook_path(root / "source", assignment_id)), sha256(Path(checks.__file__)),
             sha256(root / "nbgrader_config.py"), json.dumps({**limits_.__dict__, "cell_timeout": cell_timeout},
                                                              sort_keys=True)]
    parts += [sha256(path) for pattern in GRADER_FILES for path in sorted(Path(__file__).parent.glob(pattern))]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


class Ledger:
    """grading/<assignment>.jsonl: one line per student merged into the gradebook, appended and synced."""

    def __init__(self, root: Path, assignment_id: str, fingerprint: str):
        self.path = root / "grading" / f"{assignment_id}.jsonl"
        self.fingerprint = fingerprint
        self.done: dict[str, StudentResult] = {}
        if self.path.exists():
            for line in self.path.read_text().splitlines():
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line cut short when a run was killed: that student is graded again
                if entry.get("fingerprint") == fingerprint:
                    self.done[entry["result"]["student_id"]] = StudentResult.from_json(entry["result"])

    def holds(self, student: str, submission_sha: str) -> StudentResult | None:
        result = self.done.get(student)
        return result if result is not None and result.submission_sha256 == submission_sha else None

    def append(self, result: StudentResult) -> None:
        self.path.parent.mkdir(exist_ok=True)
        with open(self.path, "a") as ledger:
            ledger.write(json.dumps({"fingerprint": self.fingerprint, "result": result.to_json()}) + "\n")
            ledger.flush()
            os.fsync(ledger.fileno())
        self.done[result.student_id] = result


def grade(root: Path, assignment_id: str, csv_path: Path | None = None, log=print,
          workers: int | None = None, limits_: Limits | None = None, regrade: bool = False,
          progress: bool = False, report: bool = True, feedback: bool = True) -> GradeReport:
    """Grade every submission of `assignment_id` in the course at `root`; see the module docstring.

    workers: grading processes (default GRADE_WORKERS, else one per CPU plus one: a worker waits
    on its kernel much of the time). regrade: ignore the ledger and grade everyone again. One run
    at a time per course: a second one is refused while the first holds grading/grade.lock.
    """
    from filelock import FileLock, Timeout

    root = root.resolve()
    check_assignment(root, assignment_id)
    (root / "grading").mkdir(exist_ok=True)
    lock = FileLock(str(root / "grading" / "grade.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise CourseError(f"Another grading run is using this course ({root / 'grading' / 'grade.lock'} is "
                          "held). Wait for it to finish, then run grade again.") from None
    try:
        return _grade(root, assignment_id, csv_path, log, workers, limits_ or Limits(), regrade, progress,
                      report, feedback)
    finally:
        lock.release()


def _grade(root: Path, assignment_id: str, csv_path, log, workers, limits_: "Limits", regrade: bool,
           progress: bool, report: bool, feedback: bool) -> GradeReport:
    from nbgrader.api import Gradebook, MissingEntry
    from nbgrader.plugins import CsvExportPlugin

    started = time.perf_counter()
    config = load_config(root)
    api = nbgrader_api(config)
    db_url = api.coursedir.db_url
    with Gradebook(db_url, api.coursedir.course_id) as gradebook:
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
    isolation = sandbox.available() if limits_.isolate else "switched off with --no-sandbox"
    if limits_.isolate and isolation is not None:
        raise CourseError(
            f"The grading sandbox is not available here: {isolation}. Student code would run with "
            "access to the course's files. Install it, or grade with --no-sandbox to accept that "
            "(the report will say the sandbox was off).")
    cell_timeout = limits_.cell_timeout or int(config.Execute.get("timeout", 30))
    ledger = Ledger(root, assignment_id, grading_fingerprint(root, assignment_id, limits_, cell_timeout))
    backup = backup_gradebook(db_url, root)
    release = notebooks.read(notebook_path(root / "release", assignment_id))

    results: dict[str, StudentResult] = {}
    resumed, todo = [], []
    for student in students:
        path = notebook_path(submitted / student, assignment_id)
        digest = sha256(path)
        kept = None if regrade else ledger.holds(student, digest)
        if kept is not None:
            results[student] = kept
            resumed.append(student)
            continue
        nb, problem = read_submission(path)
        if nb is None:
            results[student] = StudentResult(student, "malformed", message=problem, submission_sha256=digest)
            ledger.append(results[student])
            log(f"{student}: {problem}")
        else:
            todo.append((student, digest))

    workers = max(1, min(grading_workers(workers), len(todo) or 1))
    if todo:
        log(f"grading {len(todo)} of {len(students)} submissions of {assignment_id} with {workers} workers"
            + (f" ({len(resumed)} already graded)" if resumed else ""))
        base = Path(tempfile.mkdtemp(prefix="ag-"))  # short: Unix socket paths live under it
        dirs = [base / f"w{k}" for k in range(workers)]
        for folder in dirs:
            folder.mkdir()
        template = _template_gradebook(root, assignment_id, base / "template", db_url)
        spec = dict(root=str(root), assignment_id=assignment_id, limits=limits_.__dict__,
                    template=str(template),
                    cell_timeout=cell_timeout, isolate=isolation is None, read_only=sandbox.read_only_paths())
        # Workers are forked from a clean server process that has imported nbgrader once: fresh
        # state for each (nbgrader keeps globals), without each paying the imports again.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["autograder.forkserver_guard", "autograder.grade", "nbgrader.apps",
                                        "nbgrader.preprocessors"])
        bar = _progress_bar(len(todo), assignment_id, progress)

        def finished(result, payload):
            student = result.student_id
            if payload is not None:
                _merge(root, db_url, api.coursedir.course_id, assignment_id, result, payload)
                if feedback:  # from the course's gradebook: it shows a TA's manual grades too
                    written = api.generate_feedback(assignment_id, student, force=True)
                    if not written["success"]:
                        result.message = "feedback failed: " + _last_line(written.get("error") or written.get("log"))
                ledger.append(result)
            results[student] = result
            bar.update(1)
            log(f"{student}: {result.status} {result.score:g}/{result.max_score:g} in {result.seconds:.1f} s")

        try:
            crashed = _grade_in_pool(todo, workers, context, spec, dirs, finished)
            if crashed:  # a worker died (the OOM killer, say): its students get one more try, on fresh workers
                log(f"a grading worker died; grading {len(crashed)} submissions again on fresh workers")
                again = [(student, digest) for student, digest in todo if student in crashed]
                for student, why in _grade_in_pool(again, min(workers, len(again)), context, spec, dirs,
                                                   finished).items():
                    finished(StudentResult(student, "failed", message=why + "; run grade again"), None)
        finally:
            bar.close()
            shutil.rmtree(base, ignore_errors=True)

    ordered = [results[s] for s in students]
    csv_path = (csv_path or root / "grades.csv").resolve()
    with Gradebook(db_url, api.coursedir.course_id) as gradebook:
        CsvExportPlugin(to=str(csv_path)).export(gradebook)
    out = GradeReport(assignment_id, ordered, csv_path, root / "feedback", backup, workers=workers,
                      sandbox="on" if isolation is None else f"off ({isolation})", resumed=resumed)
    if report:
        from autograder.check_my_work import usage
        from autograder.report import write_report

        out.report_html = write_report(assignment_id, ordered, exercise_max(release),
                                       root / "reports" / assignment_id,
                                       title_extra=f"{workers} workers, sandbox {out.sandbox}",
                                       checks=usage(root, assignment_id))
    out.seconds = time.perf_counter() - started
    return out


def _grade_in_pool(todo, workers: int, context, spec: dict, dirs: list[Path], finished) -> dict[str, str]:
    """Grade `todo` [(student, digest)] on `workers` fresh workers, calling `finished(result,
    payload)` for each student graded; returns {student: why} for those a dead worker left."""
    from concurrent.futures.process import BrokenProcessPool

    claims = context.Queue()
    for folder in dirs[:workers]:
        claims.put(str(folder))
    crashed = {}
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_start,
                             initargs=(spec, claims)) as pool:
        futures = {pool.submit(_worker_grade, student, digest): student for student, digest in todo}
        for future in as_completed(futures):
            student = futures[future]
            try:
                result, payload = future.result()
            except BrokenProcessPool as error:
                crashed[student] = f"the grading worker died ({error})"
                continue
            except Exception as error:  # the student is graded again next run
                why = str(error) if isinstance(error, RuntimeError) else \
                    f"the grading worker crashed ({type(error).__name__}: {error})"
                result, payload = StudentResult(student, "failed", message=why + "; run grade again"), None
            finished(result, payload)
    return crashed


def grading_workers(wanted: int | None = None) -> int:
    """Processes that grade side by side: `wanted`, else GRADE_WORKERS, else CPUs + 1."""
    if wanted is None:
        wanted = int(os.environ.get("GRADE_WORKERS") or (os.cpu_count() or 1) + 1)
    return max(1, wanted)


def exercise_max(release) -> dict[str, float]:
    """Exercise -> its points, in notebook order, from the grade cells of the release."""
    points: dict[str, float] = {}
    for cell in release.cells:
        if notebooks.is_grade(cell) and not notebooks.is_solution(cell):
            exercise = notebooks.exercise_of(notebooks.grade_id(cell) or "")
            if exercise:
                points[exercise] = points.get(exercise, 0.0) + float(notebooks.nbgrader_meta(cell).get("points", 0))
    return points


def _progress_bar(total: int, assignment_id: str, enabled: bool):
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=f"grading {assignment_id}", unit="student", disable=not enabled,
                file=sys.stderr, dynamic_ncols=True)


def _template_gradebook(root: Path, assignment_id: str, course: Path, db_url: str) -> Path:
    """A fresh SQLite gradebook holding just this assignment, for the workers to copy.

    Built once (nbgrader's generate_assignment, with its alembic set-up) rather than once per
    worker; fresh rather than a copy of the course's gradebook, so no earlier grade can linger.
    """
    import nbgrader.api

    shutil.copytree(root / "source" / assignment_id, course / "source" / assignment_id)
    config = load_config(root, course)
    config.CourseDirectory.db_url = f"sqlite:///{course / 'gradebook.db'}"
    # A new gradebook asks the alembic command for its schema version (2.5 s); the course's
    # gradebook has it recorded already.
    ask_alembic = nbgrader.api.get_alembic_version
    known = _schema_version(db_url)
    nbgrader.api.get_alembic_version = (lambda: known) if known else ask_alembic
    try:
        built = nbgrader_api(config).generate_assignment(assignment_id, force=True, create=True)
    finally:
        nbgrader.api.get_alembic_version = ask_alembic
    if not built["success"]:
        raise CourseError(f"nbgrader could not build {assignment_id} for grading:\n{built.get('error') or ''}"
                          f"\n{built.get('log') or ''}")
    shutil.rmtree(course / "source")  # the solutions: only the gradebook is kept
    shutil.rmtree(course / "release", ignore_errors=True)
    # The course's due date, so that autograde computes late penalties as the course configures them.
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(db_url) as gradebook:
        try:
            due = gradebook.find_assignment(assignment_id).duedate
        except MissingEntry:
            due = None
    if due is not None:
        with Gradebook(config.CourseDirectory.db_url) as template:
            template.update_or_create_assignment(assignment_id, duedate=due)
    return course / "gradebook.db"


def _schema_version(db_url: str) -> str | None:
    """The alembic version the course's gradebook (at `db_url`) records, or None."""
    from nbgrader.api import Gradebook
    from sqlalchemy import text

    try:
        with Gradebook(db_url) as gradebook:
            return gradebook.db.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except Exception:  # an older or unusual gradebook: ask alembic, as nbgrader does
        return None


# ---- the worker side -----------------------------------------------------------------------

_WORKER: dict = {}


def _worker_start(spec: dict, claims) -> None:
    """Set up this worker's private course: its own gradebook with the assignment, a sandbox kernel."""
    # Our parent is the fork server, which exits with the grader: a killed run leaves no workers.
    sandbox._die_with_parent(os.getppid())
    try:
        _set_up_worker(spec, Path(claims.get()))
    except Exception as error:  # reported with every student this worker is given, not as a broken pool
        _WORKER["error"] = f"{type(error).__name__}: {error}"


def _set_up_worker(spec: dict, folder: Path) -> None:
    root, assignment_id = Path(spec["root"]), spec["assignment_id"]
    # The assignment's other files (data...) autograde copies next to the notebook; not the notebook.
    shutil.copytree(root / "source" / assignment_id, folder / "source" / assignment_id,
                    ignore=shutil.ignore_patterns("*.ipynb"), dirs_exist_ok=True)  # a retry reuses the folder
    shutil.copy(spec["template"], folder / "gradebook.db")
    config = load_config(root, folder)
    config.CourseDirectory.db_url = f"sqlite:///{folder / 'gradebook.db'}"

    (folder / "out").mkdir(exist_ok=True)
    runtime = Path(tempfile.mkdtemp(prefix="rt-", dir=folder))
    sandbox.write_kernelspec(folder / "jupyter", {"memory_bytes": spec["limits"]["memory_bytes"],
                                                  "isolate": spec["isolate"], "runtime": str(runtime),
                                                  "read_only": spec["read_only"]})
    os.environ["JUPYTER_PATH"] = str(folder / "jupyter") + os.pathsep + os.environ.get("JUPYTER_PATH", "")
    os.environ["JUPYTER_RUNTIME_DIR"] = str(runtime)

    config.Execute.kernel_name = sandbox.KERNEL_NAME
    config.Execute.timeout = spec["cell_timeout"]
    # The kernel is killed when the notebook is done: a graceful shutdown only spends CPU on its
    # clean-up while the worker waits, and nothing of the kernel is kept.
    config.Execute.shutdown_kernel = "immediate"
    config.LimitedExecute.submission_timeout = float(spec["limits"]["submission_timeout"])
    config.LimitedExecute.max_output_bytes = int(spec["limits"]["output_bytes"])
    config.LimitedExecute.judge_socket = str(runtime / "judge.sock")  # the kernel sees runtime/
    if spec["isolate"]:
        config.KernelManager.transport = "ipc"  # Unix sockets: the kernel has no network
        config.KernelManager.ip = str(runtime / "kernel")  # absolute: the kernel runs in another folder
    from nbconvert.preprocessors import ClearMetadataPreprocessor
    from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, IgnorePattern, LimitOutput,
                                        SaveAutoGrades)

    _check_each_schema_once()
    # The judge's checks name the catalogued mistake a failed test's result matches, hidden tests
    # included; only with fingerprints measured on this very source notebook.
    from dlcourse import checks

    current = misconceptions.is_current(root, assignment_id)
    checks.use_misconceptions(misconceptions.judge_mistakes(assignment_id) if current else {})
    config.Autograde.autograde_preprocessors = [limits.LimitedExecute, IgnorePattern, ClearMetadataPreprocessor,
                                                LimitOutput, SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
    _WORKER.update(folder=folder, root=root, assignment_id=assignment_id, api=nbgrader_api(config),
                   release=notebooks.read(notebook_path(root / "release", assignment_id)))


def _check_each_schema_once() -> None:
    """nbgrader checks each cell's metadata with `jsonschema.validate`, which first checks the
    schema itself against its meta-schema, every cell: about 90 ms a notebook, twice per
    submission. The same validation, with each schema checked once per worker."""
    import types

    import jsonschema
    from nbgrader.nbgraderformat import common

    validators: dict[str, object] = {}

    def validate(instance, schema) -> None:
        key = json.dumps(schema, sort_keys=True)
        if key not in validators:
            kind = jsonschema.validators.validator_for(schema)
            kind.check_schema(schema)
            validators[key] = kind(schema)
        error = jsonschema.exceptions.best_match(validators[key].iter_errors(instance))
        if error is not None:
            raise error

    common.jsonschema = types.SimpleNamespace(validate=validate)


def _worker_grade(student: str, digest: str) -> tuple[StudentResult, dict | None]:
    """Autograde one student in this worker's course; returns the result and what to merge."""
    from nbgrader.api import Gradebook

    if "error" in _WORKER:
        raise RuntimeError(f"the grading worker could not start ({_WORKER['error']})")
    folder, assignment_id = _WORKER["folder"], _WORKER["assignment_id"]
    start = time.perf_counter()
    for name in ("submitted", "autograded", "feedback"):
        shutil.rmtree(folder / name, ignore_errors=True)
    shutil.copytree(_WORKER["root"] / "submitted" / student / assignment_id,
                    folder / "submitted" / student / assignment_id)
    try:  # validated by the grader already
        nb = nbformat.read(str(notebook_path(folder / "submitted" / student, assignment_id)), as_version=4)
    except Exception as error:  # changed since the grader's check
        return StudentResult(student, "malformed", message=f"not a valid notebook ({error})",
                             submission_sha256=digest), None
    # The tests are judged outside the kernel, so tampering cannot change a score: the scan's
    # flags only inform the TA's review, and nothing is held.
    flags, _ = held_exercises(nb, _WORKER["release"])
    result = StudentResult(student, "graded", flags=flags, submission_sha256=digest)
    api = _WORKER["api"]
    limits.EVENTS.clear()
    outcome = api.autograde(assignment_id, student, force=True, create=True)
    result.limits = list(limits.EVENTS)
    if not outcome["success"]:
        result.status = "failed"
        result.message = "nbgrader could not grade it: " + _last_line((outcome.get("error") or "")
                                                                      + (outcome.get("log") or ""))
        result.seconds = time.perf_counter() - start
        return result, None
    with Gradebook(api.coursedir.db_url, api.coursedir.course_id) as gradebook:
        submission = gradebook.find_submission(assignment_id, student)
        payload = _submission_payload(submission)
    staged = folder / "out" / student
    shutil.rmtree(staged, ignore_errors=True)
    if (folder / "autograded" / student).exists():
        graded_nb = notebook_path(folder / "autograded" / student, assignment_id)
        if graded_nb.exists():
            result.mistakes = named_mistakes(notebooks.read(graded_nb))
        shutil.move(str(folder / "autograded" / student), str(staged / "autograded"))
    payload["staged"] = str(staged)
    result.exercises = _exercise_scores(payload["grades"])
    result.written = [g["name"] for g in payload["grades"]
                      if g["needs_manual_grade"] and notebooks.exercise_of(g["name"]) is None]
    result.score = sum(s for s, _ in result.exercises.values())
    result.max_score = sum(m for _, m in result.exercises.values())
    result.seconds = time.perf_counter() - start
    return result, payload


def _submission_payload(submission) -> dict:
    """The rows autograde wrote for one submission, as plain data for the single writer."""
    grades, comments, penalties = [], [], {}
    for notebook in submission.notebooks:
        penalties[notebook.name] = notebook.late_submission_penalty
        for g in notebook.grades:
            grades.append(dict(notebook=notebook.name, name=g.name, auto_score=g.auto_score,
                               manual_score=g.manual_score, max_score=float(g.max_score),
                               needs_manual_grade=g.needs_manual_grade))
        for c in notebook.comments:
            comments.append(dict(notebook=notebook.name, name=c.name, auto_comment=c.auto_comment,
                                 manual_comment=c.manual_comment))
    return dict(timestamp=submission.timestamp.isoformat() if submission.timestamp else None,
                grades=grades, comments=comments, penalties=penalties)


def _exercise_scores(grades: list[dict]) -> dict[str, tuple[float, float]]:
    scores: dict[str, tuple[float, float]] = {}
    for g in grades:
        exercise = notebooks.exercise_of(g["name"])
        if exercise is None:
            continue
        score = g["manual_score"] if g["manual_score"] is not None else (g["auto_score"] or 0.0)
        have, top = scores.get(exercise, (0.0, 0.0))
        scores[exercise] = (have + float(score), top + g["max_score"])
    return scores


# ---- the single writer ---------------------------------------------------------------------

def _merge(root: Path, db_url: str, course_id: str, assignment_id: str, result: StudentResult,
           payload: dict) -> None:
    """Write one student's scores into the course's gradebook (one transaction), then their files."""
    from nbgrader.api import Gradebook

    timestamp = datetime.fromisoformat(payload["timestamp"]) if payload["timestamp"] else None
    with Gradebook(db_url, course_id) as gradebook:
        gradebook.update_or_create_student(result.student_id)
        if timestamp:
            gradebook.update_or_create_submission(assignment_id, result.student_id, timestamp=timestamp)
        else:
            gradebook.update_or_create_submission(assignment_id, result.student_id)
        # Holds were written by earlier versions of the grader (manual 0 with HOLD_COMMENT); the
        # judge makes them pointless, so grading a student again lifts them, and the gradebook,
        # grades.csv, the report and the feedback agree. A TA's own manual score, with any other
        # comment, is never cleared.
        lifted = set()
        for c in payload["comments"]:
            row = gradebook.find_comment(c["name"], c["notebook"], assignment_id, result.student_id)
            row.auto_comment = c["auto_comment"]
            if (row.manual_comment or "").startswith(HOLD_COMMENT[:20]):
                row.manual_comment = None
                lifted.add(c["name"])
        for g in payload["grades"]:
            row = gradebook.find_grade(g["name"], g["notebook"], assignment_id, result.student_id)
            row.auto_score = g["auto_score"]
            if notebooks.exercise_of(g["name"]) in lifted:
                row.manual_score = None
            # nbgrader's rule (SaveAutoGrades): a manual score or a missing auto score needs a look.
            row.needs_manual_grade = row.manual_score is not None or row.auto_score is None
        for name, penalty in payload["penalties"].items():
            gradebook.find_submission_notebook(name, assignment_id, result.student_id).late_submission_penalty = penalty
        gradebook.db.commit()
    staged = Path(payload["staged"]) / "autograded" / assignment_id
    if staged.exists():  # only this assignment's folder: the student's others stay
        _replace_dir(staged, root / "autograded" / result.student_id / assignment_id)


def _replace_dir(new: Path, target: Path) -> None:
    """Put `new` at `target`, never leaving a half-copied folder there (copy beside it, then swap)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = target.with_name(target.name + ".incoming")
    old = target.with_name(target.name + ".old")
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)
    shutil.copytree(new, fresh)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _last_line(text: str | None) -> str:
    lines = [line for line in (text or "").strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else "no details"
