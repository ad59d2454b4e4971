"""release/ is exactly what `python -m autograder build` makes from source/, and hides what it must."""

import filecmp
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from autograder import notebooks
from autograder.build import build
from autograder.course import assignment_ids
from dlcourse import checks

REPO = Path(__file__).resolve().parents[1]
IDS = assignment_ids(REPO)


@pytest.fixture(scope="module")
def fresh_build(tmp_path_factory):
    course = tmp_path_factory.mktemp("course")
    shutil.copytree(REPO / "source", course / "source")
    (course / "notebooks").mkdir()
    build(REPO, course_root=course, log=lambda *_: None)
    return course


def test_every_assignment_has_a_committed_release():
    assert IDS and all((REPO / "release" / a / f"{a}.ipynb").is_file() for a in IDS)
    assert sorted(p.name for p in (REPO / "release").iterdir()) == IDS


@pytest.mark.parametrize("assignment_id", IDS)
def test_committed_release_is_what_the_build_produces(fresh_build, assignment_id):
    fresh, committed = fresh_build / "release" / assignment_id, REPO / "release" / assignment_id
    compare = filecmp.dircmp(fresh, committed)
    assert not compare.left_only and not compare.right_only, "files differ: run `python -m autograder build`"
    for name in compare.common_files:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), (
            f"release/{assignment_id}/{name} is stale: run `python -m autograder build {assignment_id}`"
        )


@pytest.mark.parametrize("assignment_id", IDS)
def test_release_contains_no_solution_and_no_hidden_test(assignment_id):
    text = (REPO / "release" / assignment_id / f"{assignment_id}.ipynb").read_text()
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
        assert marker not in text
    nb = nbformat.read(str(REPO / "release" / assignment_id / f"{assignment_id}.ipynb"), as_version=4)
    for cell in nb.cells:
        if notebooks.is_solution(cell) and cell.cell_type == "code":  # a stub, or a quiz's skeleton to fill in
            assert "raise NotImplementedError()" in cell.source or ": ...," in cell.source, cell.source


def test_a_quiz_is_released_as_a_skeleton_that_runs_once_filled_in():
    nb = nbformat.read(str(REPO / "release" / "a01_models_and_loss" / "a01_models_and_loss.ipynb"), as_version=4)
    cells = {notebooks.grade_id(cell): cell.source for cell in nb.cells}
    namespace: dict = {"checks": checks}
    exec(cells["problem_types"], namespace)
    assert namespace["problem_types"] == dict.fromkeys("abcdef", ...)  # the names and keys, nothing answered
    with pytest.raises(AssertionError, match=r"^problem_types\['a'\] is still \.\.\. \(not answered yet\), not a string\."):
        exec(cells["test_problem_types"], namespace)
    filled = cells["problem_types"].replace(": ...,", ': "binary",')  # right or wrong, the form is right
    exec(filled, namespace)
    exec(cells["test_problem_types"], namespace)
    exec(cells["vocabulary_answers"].replace(": ...,", ': "Loss",'), namespace)
    exec(cells["test_vocabulary_answers"], namespace)


def _points_promised_and_graded(nb):
    """(heading, points it promises, points of the grade cells under it) for each heading with points.

    A heading's exercise runs until the next heading of the same or a higher level, so a grouped
    exercise (`## Exercise 4 (8 points)` with parts `### 4a. ... (2 points)`) counts all its parts.
    """
    items, open_ = [], []  # open_: [level, heading, promised, graded]
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                level = len(line) - len(line.lstrip("#"))
                if not level or not line[level:].startswith(" "):
                    continue
                while open_ and open_[-1][0] >= level:
                    items.append(tuple(open_.pop()[1:]))
                promised = re.search(r"\((\d+) points?\)", line)
                if promised:
                    open_.append([level, line.strip(), int(promised.group(1)), 0])
        if notebooks.is_grade(cell):  # a test cell, or a written answer (a graded markdown cell)
            for entry in open_:
                entry[3] += cell.metadata["nbgrader"].get("points", 0)
    return items + [tuple(e[1:]) for e in open_]


@pytest.mark.parametrize("assignment_id", IDS)
def test_every_exercise_heading_promises_the_points_its_tests_give(assignment_id):
    nb = notebooks.read(REPO / "source" / assignment_id / f"{assignment_id}.ipynb")
    wrong = [(h, promised, graded) for h, promised, graded in _points_promised_and_graded(nb) if promised != graded]
    assert not wrong, wrong
    total = sum(c.metadata["nbgrader"].get("points", 0) for c in nb.cells if notebooks.is_grade(c))
    assert f"| **Total** | **{total}** |" in nb.cells[0].source, "the intro's points table has the wrong total"
