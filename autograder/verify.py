"""verify: prove, in a throw-away course folder, that an assignment grades as it should.

Every variant of the assignment is graded as a separate "student", by the same engine as a TA's
`grade` (parallel workers, the sandbox, the limits, and the judge that runs the tests outside
the kernel), so verify proves the whole grader, not only the tests:

    solution      the release filled with the source's answers       -> full marks
    blank         the release as students receive it                   -> 0, and grading completes
    mutant        the solution with one exercise replaced by a catalogued wrong answer
                  (autograder/mutants/<assignment>/<exercise>/<name>.py)
                                                                       -> loses points on that
                                                                          exercise, full elsewhere
    alternative   the same with a different but correct answer
                  (autograder/alternatives/<assignment>/<exercise>/<name>.py) -> full marks

A catalogue file is plain Python: a module docstring saying what it gets wrong (or how it
differs; a mutant's also has a `Student:` line, see autograder/misconceptions.py), then a new
definition of the exercise's name. It is appended to that exercise's
answer cell, so the new definition replaces the old one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from autograder import notebooks
from autograder.build import build
from autograder.course import check_assignment, load_config, nbgrader_api, notebook_path, own_gradebook

CATALOGUE = Path(__file__).parent
MIN_MUTANTS_PER_FUNCTION = 4
MIN_MUTANTS_PER_QUIZ = 2


@dataclass
class Variant:
    student_id: str
    kind: str  # solution | blank | mutant | alternative
    exercise: str | None = None
    path: Path | None = None

    @property
    def description(self) -> str:
        if self.path is None:
            return self.kind
        doc = self.path.read_text().split('"""')
        return doc[1].strip().splitlines()[0] if len(doc) > 2 else self.path.stem


@dataclass
class Outcome:
    variant: Variant
    scores: dict[str, tuple[float, float]]  # grade cell -> (score, max)
    ok: bool
    why: str

    @property
    def total(self) -> tuple[float, float]:
        return (sum(s for s, _ in self.scores.values()), sum(m for _, m in self.scores.values()))


@dataclass
class VerifyReport:
    assignment_id: str
    outcomes: list[Outcome] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and all(o.ok for o in self.outcomes)

    def format(self) -> str:
        lines = [f"verify {self.assignment_id}"]
        for o in self.outcomes:
            score, maximum = o.total
            mark = "ok  " if o.ok else "FAIL"
            what = o.variant.kind if o.variant.exercise is None else f"{o.variant.kind} {o.variant.exercise}"
            lines.append(f"  {mark} {what:<32} {score:5.1f}/{maximum:<5.1f} {o.variant.description} -- {o.why}")
        lines.extend(f"  PROBLEM {p}" for p in self.problems)
        counts = {}
        for o in self.outcomes:
            counts[o.variant.kind] = counts.get(o.variant.kind, 0) + 1
        lines.append(
            "  result: " + ("PASSED" if self.ok else "FAILED") + " ("
            + ", ".join(f"{n} {k}" for k, n in counts.items()) + ")"
        )
        return "\n".join(lines)


def catalogue(assignment_id: str, kind: str) -> list[Variant]:
    """The mutants or alternatives on file for an assignment, sorted by exercise and name."""
    folder = CATALOGUE / ("mutants" if kind == "mutant" else "alternatives") / assignment_id
    variants = []
    for path in sorted(folder.glob("*/*.py")):
        exercise = path.parent.name
        variants.append(Variant(f"{kind}-{exercise}-{path.stem}", kind, exercise, path))
    return variants


def exercises(source_nb) -> dict[str, list[str]]:
    """Exercise name -> its grade cells, from the naming convention (see notebooks.py)."""
    result = {notebooks.grade_id(c): [] for c in source_nb.cells
              if notebooks.is_solution(c) and not notebooks.is_written(c)}
    for cell in source_nb.cells:
        if notebooks.is_grade(cell) and not notebooks.is_written(cell):
            exercise = notebooks.exercise_of(notebooks.grade_id(cell))
            if exercise in result:
                result[exercise].append(notebooks.grade_id(cell))
    return result


def check_conventions(source_nb, variants: list[Variant]) -> list[str]:
    """Problems with the notebook's naming convention or the size of its mutant catalogue."""
    problems = []
    cells_of = exercises(source_nb)
    for cell in source_nb.cells:
        if notebooks.is_written(cell):  # graded by a TA: verify proves only that a blank one scores 0
            if not (notebooks.grade_id(cell) or "").startswith("written_"):
                problems.append(f"written answer {notebooks.grade_id(cell)!r} should be named written_<topic>")
            continue
        if notebooks.is_grade(cell) and notebooks.exercise_of(notebooks.grade_id(cell)) not in cells_of:
            problems.append(f"grade cell {notebooks.grade_id(cell)!r} is not test_<exercise> or hidden_<exercise>")
        if notebooks.is_solution(cell) and notebooks.grade_id(cell) not in notebooks.defined_names(
            notebooks.without_markers(cell.source)
        ):
            problems.append(f"solution cell {notebooks.grade_id(cell)!r} does not define that name")
    for exercise, cells in cells_of.items():
        if not cells:
            problems.append(f"exercise {exercise!r} has no test_{exercise} or hidden_{exercise} cell")
        is_function = any(  # a graded function or class (not a quiz answer)
            notebooks.grade_id(c) == exercise and (f"def {exercise}(" in c.source or f"class {exercise}" in c.source)
            for c in source_nb.cells
        )
        needed = MIN_MUTANTS_PER_FUNCTION if is_function else MIN_MUTANTS_PER_QUIZ
        have = sum(1 for v in variants if v.kind == "mutant" and v.exercise == exercise)
        if have < needed:
            problems.append(f"exercise {exercise!r} has {have} mutants on file; at least {needed} are required")
    for v in variants:
        if v.exercise is not None and v.exercise not in cells_of:
            problems.append(f"{v.path}: no exercise named {v.exercise!r} in the notebook")
    return problems


def judge(variant: Variant, scores: dict[str, tuple[float, float]], cells_of: dict[str, list[str]]):
    """Is this variant's grade what its kind requires? Returns (ok, why)."""
    full = {cell for cell, (s, m) in scores.items() if s >= m}
    total = sum(s for s, _ in scores.values())
    if not scores:
        return False, "not graded (no scores in the gradebook)"
    if variant.kind in ("solution", "alternative"):
        lost = sorted(set(scores) - full)
        return (not lost, "full marks" if not lost else f"lost points on {', '.join(lost)}")
    if variant.kind == "blank":
        return (total == 0, "zero" if total == 0 else f"scored {total} while unanswered")
    own = set(cells_of[variant.exercise])
    lost_own = sorted(c for c in own if c in scores and c not in full)
    lost_other = sorted(c for c in set(scores) - own if c not in full)
    if not lost_own:
        return False, f"a wrong answer scored full marks on {variant.exercise}: a test is too weak"
    if lost_other:
        return False, f"also lost points on other exercises ({', '.join(lost_other)}): exercises are not isolated"
    return True, f"lost points on {', '.join(lost_own)}"


def verify(config_root: Path, assignment_id: str, only: list[str] | None = None,
           workdir: Path | None = None, log=print) -> VerifyReport:
    """Grade every variant of `assignment_id` in a throw-away course folder; see the module docstring.

    only: check just these exercises' mutants and alternatives (the solution and the blank
    release are always graded); for authors iterating on one exercise.
    """
    config_root = config_root.resolve()
    check_assignment(config_root, assignment_id)
    report = VerifyReport(assignment_id)
    own_tmp = workdir is None
    course = Path(tempfile.mkdtemp(prefix=f"verify-{assignment_id}-")) if own_tmp else workdir
    try:
        shutil.copytree(config_root / "source" / assignment_id, course / "source" / assignment_id)
        shutil.copy(config_root / "nbgrader_config.py", course / "nbgrader_config.py")
        own_gradebook(course)  # the variants' grades never reach the course's gradebook
        build(course, [assignment_id], log=lambda *_: None)
        source_nb = notebooks.read(notebook_path(course / "source", assignment_id))
        release_nb = notebooks.read(notebook_path(course / "release", assignment_id))
        solution_nb = notebooks.filled_with_solutions(release_nb, source_nb)
        variants = [Variant("solution", "solution"), Variant("blank", "blank")]
        variants += catalogue(assignment_id, "mutant") + catalogue(assignment_id, "alternative")
        report.problems += check_conventions(source_nb, variants)
        if only:
            variants = [v for v in variants if v.exercise is None or v.exercise in only]
        for v in variants:
            if v.kind == "solution":
                nb = solution_nb
            elif v.kind == "blank":
                nb = release_nb
            else:
                nb = notebooks.with_replacement(solution_nb, v.exercise, v.path.read_text(), f"{v.kind}: {v.path.name}")
            notebooks.write(nb, notebook_path(course / "submitted" / v.student_id, assignment_id))
        # The same engine as a TA's `grade`: the sandbox, the limits and the judge.
        from autograder.grade import grade

        graded = grade(course, assignment_id, log=lambda *_: None, workers=verify_workers(len(variants)),
                       report=False, feedback=False)
        log(f"verify {assignment_id}: graded {len(variants)} variants with {graded.workers} workers "
            f"(sandbox {graded.sandbox}) in {graded.seconds:.0f} s")
        for r in graded.results:
            if r.status != "graded":
                report.problems.append(f"{r.student_id} was not graded: {r.message}")
        scores = read_scores(nbgrader_api(load_config(course)), assignment_id)
        cells_of = exercises(source_nb)
        blank = scores.get("blank", {})
        for cell in filter(notebooks.is_written, source_nb.cells):
            if blank.get(notebooks.grade_id(cell), (None,))[0] != 0.0:
                report.problems.append(f"the blank release's written answer {notebooks.grade_id(cell)!r} "
                                       f"did not score 0 ({blank.get(notebooks.grade_id(cell))})")
        for v in variants:
            ok, why = judge(v, scores.get(v.student_id, {}), cells_of)
            report.outcomes.append(Outcome(v, scores.get(v.student_id, {}), ok, why))
    finally:
        if own_tmp:
            shutil.rmtree(course, ignore_errors=True)
    return report


def verify_workers(n_variants: int) -> int:
    """Grading workers for verify: VERIFY_WORKERS, else the grader's default (CPUs + 1)."""
    from autograder.grade import grading_workers

    wanted = os.environ.get("VERIFY_WORKERS")
    return max(1, min(grading_workers(int(wanted) if wanted else None), n_variants))


def autograde_part(config_root: Path, course: Path, assignment_id: str):
    """Plain serial `nbgrader autograde` of every submission in a course folder, tests in the
    kernel: the baseline the grading tests and benchmark compare with. Returns (scores, error)."""
    api = nbgrader_api(load_config(config_root, course))
    result = api.autograde(assignment_id, "*", force=True, create=True)
    error = "" if result["success"] else (result.get("error") or result.get("log") or "unknown error")
    return read_scores(api, assignment_id), error


def read_scores(api, assignment_id: str) -> dict[str, dict[str, tuple[float, float]]]:
    """Student -> grade cell -> (score, max score), from the gradebook."""
    from nbgrader.api import Gradebook

    scores = {}
    with Gradebook(api.coursedir.db_url, api.coursedir.course_id) as gradebook:
        assignment = gradebook.find_assignment(assignment_id)
        for submission in assignment.submissions:
            cells = {}
            for nb in submission.notebooks:
                for grade in nb.grades:
                    if grade.cell_type == "code" or grade.auto_score is not None:
                        cells[grade.name] = (float(grade.score), float(grade.max_score))
            scores[submission.student.id] = cells
    return scores
