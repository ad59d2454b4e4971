"""A throw-away course with a class of submissions, for the grading tests and the grading benchmark."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from autograder import notebooks
from autograder.build import build
from autograder.course import notebook_path

REPO = Path(__file__).resolve().parents[1]
A01 = "a01_models_and_loss"


def make_course(folder: Path, assignment_id: str, cell_timeout: int | None = None, db_url: str | None = None) -> Path:
    """A course folder with the repository's configuration and one assignment, built."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "nbgrader_config.py", folder)
    with open(folder / "nbgrader_config.py", "a") as config:
        if cell_timeout:  # grading an infinite loop costs one timeout per cell: keep tests quick
            config.write(f"\nc.Execute.timeout = {cell_timeout}  # test only; the course uses 30 s\n")
        if db_url:
            config.write(f"\nc.CourseDirectory.db_url = {db_url!r}\n")
    shutil.copytree(REPO / "source" / assignment_id, folder / "source" / assignment_id)
    build(folder, [assignment_id], log=lambda *_: None)
    return folder


def release(course: Path, assignment_id: str):
    return notebooks.read(notebook_path(course / "release", assignment_id))


def solution(course: Path, assignment_id: str):
    """The release as a student who answered everything correctly submits it."""
    return notebooks.filled_with_solutions(release(course, assignment_id),
                                           notebooks.read(notebook_path(course / "source", assignment_id)))


def replaced(nb, **answers: str):
    """`nb` with each exercise's answer followed by new code (a new definition wins)."""
    for exercise, code in answers.items():
        nb = notebooks.with_replacement(nb, exercise, code, "student's answer")
    return nb


def submit(course: Path, assignment_id: str, student: str, nb) -> Path:
    path = notebook_path(course / "submitted" / student, assignment_id)
    notebooks.write(nb, path)
    return path


def catalogue_class(course: Path, assignment_id: str, size: int) -> dict[str, str]:
    """`size` submissions: the solution, the blank release, then catalogued mutants and alternatives
    in turn. Returns student -> kind."""
    from autograder.verify import catalogue

    kinds = {"s000-solution": "solution", "s001-blank": "blank"}
    submit(course, assignment_id, "s000-solution", solution(course, assignment_id))
    submit(course, assignment_id, "s001-blank", release(course, assignment_id))
    variants = []
    mutants, alternatives = catalogue(assignment_id, "mutant"), catalogue(assignment_id, "alternative")
    for k in range(max(len(mutants), len(alternatives))):
        variants += mutants[k:k + 1] + alternatives[k:k + 1]
    for index in range(2, size):
        v = variants[(index - 2) % len(variants)]
        student = f"s{index:03d}-{v.kind}"
        nb = notebooks.with_replacement(solution(course, assignment_id), v.exercise, v.path.read_text(), v.kind)
        submit(course, assignment_id, student, nb)
        kinds[student] = v.kind
    return kinds


def fingerprints(folder: Path) -> dict[Path, str]:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}
