"""The TA's grade command on a class of awkward submissions, in a throw-away course folder."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest

from autograder import notebooks
from autograder.build import build
from autograder.course import CourseError, notebook_path
from autograder.grade import grade

A01 = "a01_models_and_loss"
REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow

# Each entry: student id -> {exercise: replacement code}. The rest of the notebook is the solution
# (or, for "partly_right", the blank release).
REPLACEMENTS = {
    "correct": {},
    "infinite_loop": {"mae": "def mae(y_true, y_pred):\n    while True:\n        pass"},
    "raises": {"predict": "def predict(X, w, b):\n    raise ValueError('I give up')"},
    "calls_sys_exit": {"mse": "import sys\nsys.exit('bye')"},
    "kills_kernel": {"rmse": "import os\nos._exit(1)"},
    "rigged_float": {"mae": (
        "class Always(float):\n    def __eq__(self, other):\n        return True\n"
        "    def __lt__(self, other):\n        return True\n    __le__ = __gt__ = __ge__ = __lt__\n"
        "def mae(y_true, y_pred):\n    return Always(0.0)")},
    "memory_bomb": {"mse": "_hog = []\nwhile len(_hog) < 10**6:\n    _hog.append(bytearray(10**8))"},
    "prints_a_flood": {"mae": "for _i in range(200_000):\n    print('spam', _i)"},
    "patches_numpy": {"rmse": (
        "def rmse(y_true, y_pred):\n    return float(np.sqrt(np.mean((y_true - y_pred) ** 2)))\n"
        "np.allclose = lambda *args, **kwargs: True")},
}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    """Build a01 in a fresh course, submit a class of 13, and grade it twice."""
    course = tmp_path_factory.mktemp("course")
    shutil.copy(REPO / "nbgrader_config.py", course)
    # Grading the infinite loop costs one timeout per cell that calls mae: keep the test quick.
    with open(course / "nbgrader_config.py", "a") as config:
        config.write("\nc.Execute.timeout = 5  # test only; the course uses 30 s\n")
    shutil.copytree(REPO / "source" / A01, course / "source" / A01)
    build(course, [A01], log=lambda *_: None)
    release = notebooks.read(notebook_path(course / "release", A01))
    solution = notebooks.filled_with_solutions(release, notebooks.read(notebook_path(course / "source", A01)))
    submitted = course / "submitted"
    for student, replacements in REPLACEMENTS.items():
        nb = solution
        for exercise, code in replacements.items():
            nb = notebooks.with_replacement(nb, exercise, code, "student's answer")
        notebooks.write(nb, notebook_path(submitted / student, A01))
    notebooks.write(release, notebook_path(submitted / "blank", A01))
    partly = notebooks.filled_with_solutions(release, notebooks.read(notebook_path(course / "source", A01)))
    for cell in partly.cells:  # only predict answered
        if notebooks.is_solution(cell) and notebooks.grade_id(cell) != "predict":
            cell.source = next(c.source for c in release.cells if notebooks.grade_id(c) == notebooks.grade_id(cell))
    notebooks.write(partly, notebook_path(submitted / "partly_right", A01))
    no_test = notebooks.filled_with_solutions(release, notebooks.read(notebook_path(course / "source", A01)))
    no_test.cells = [c for c in no_test.cells if notebooks.grade_id(c) != "hidden_predict"]
    notebooks.write(no_test, notebook_path(submitted / "deleted_a_test", A01))
    broken = notebook_path(submitted / "malformed", A01)
    broken.parent.mkdir(parents=True)
    broken.write_text('{"cells": [ this is not json')
    before = {p: sha(p) for p in submitted.rglob("*") if p.is_file()}
    first = grade(course, A01, log=lambda *_: None)
    second = grade(course, A01, log=lambda *_: None)
    after = {p: sha(p) for p in submitted.rglob("*") if p.is_file()}
    return course, first, second, before, after


def scores(report) -> dict[str, tuple[str, float]]:
    return {r.student_id: (r.status, r.score) for r in report.results}


def test_every_submission_gets_the_score_its_answers_deserve(graded_class):
    _, first, _, _, _ = graded_class
    got = scores(first)
    assert got["correct"] == ("graded", 17.0)
    assert got["blank"] == ("graded", 0.0)
    assert got["partly_right"] == ("graded", 3.0)       # predict only: 1 visible + 2 hidden
    assert got["infinite_loop"] == ("graded", 15.0)     # loses mae's 2 points, after timeouts
    assert got["raises"] == ("graded", 14.0)            # loses predict's 3 points
    assert got["calls_sys_exit"] == ("graded", 17.0)    # IPython turns SystemExit into an error
    assert got["kills_kernel"][0] == "failed"
    assert got["rigged_float"] == ("graded", 15.0)      # float subclass rejected by type checks
    assert got["malformed"][0] == "malformed"
    assert got["memory_bomb"] == ("graded", 17.0)       # MemoryError under the kernel's limit
    assert got["prints_a_flood"] == ("graded", 17.0)
    assert got["deleted_a_test"][1] <= 17.0 - 2         # a deleted hidden test earns nothing


def test_a_flood_of_output_is_cut_in_the_graded_notebook(graded_class):
    course, _, _, _, _ = graded_class
    graded = notebooks.read(notebook_path(course / "autograded" / "prints_a_flood", A01))
    text = "".join(o.get("text", "") for c in graded.cells if c.cell_type == "code" for o in c.outputs)
    assert 0 < text.count("spam") <= 400


def test_patching_numpy_loses_the_hidden_tests_and_is_flagged(graded_class):
    _, first, _, _, _ = graded_class
    result = next(r for r in first.results if r.student_id == "patches_numpy")
    # Every hidden test after the patch fails its environment check: rmse, add_bias_column.
    assert result.score == 17.0 - 1 - 1
    assert any("reassigns np.allclose" in str(flag) for flag in result.flags)


def test_suspicious_submissions_are_flagged_for_review(graded_class):
    _, first, _, _, _ = graded_class
    flagged = {r.student_id for r in first.results if r.flags}
    assert {"infinite_loop", "calls_sys_exit", "kills_kernel", "rigged_float", "patches_numpy"} <= flagged
    assert not {"correct", "blank", "partly_right", "raises"} & flagged


def test_malformed_submission_gets_a_message_and_grading_goes_on(graded_class):
    _, first, _, _, _ = graded_class
    result = next(r for r in first.results if r.student_id == "malformed")
    assert "not a valid notebook" in result.message and "resubmit" in result.message
    assert len([r for r in first.results if r.status == "graded"]) == 12 - 1  # kills_kernel fails


def test_a_kernel_killed_by_the_submission_is_reported_for_review(graded_class):
    _, first, _, _, _ = graded_class
    result = next(r for r in first.results if r.student_id == "kills_kernel")
    assert result.status == "failed" and "kernel died" in result.message


def test_grading_twice_gives_the_same_scores_and_leaves_submissions_untouched(graded_class):
    course, first, second, before, after = graded_class
    assert scores(first) == scores(second)
    assert before == after
    assert second.backup is not None and second.backup.exists()


def test_grades_csv_lists_every_graded_student(graded_class):
    _, first, _, _, _ = graded_class
    with open(first.csv_path, newline="") as f:
        rows = {row["student_id"]: float(row["score"]) for row in csv.DictReader(f) if row["assignment"] == A01}
    expected = {r.student_id: r.score for r in first.results if r.status == "graded"}
    assert {k: v for k, v in rows.items() if k in expected} == expected
    assert rows.get("kills_kernel", 0.0) == 0.0


def test_feedback_never_shows_hidden_test_code_or_tracebacks(graded_class):
    course, _, _, _, _ = graded_class
    source = notebooks.read(notebook_path(course / "source", A01))
    hidden_lines = [
        line.strip()
        for cell in source.cells if (notebooks.grade_id(cell) or "").startswith("hidden_")
        for line in cell.source.split("\n")
        if line.strip() and "HIDDEN TESTS" not in line and not line.strip().startswith("#")
    ]
    assert len(hidden_lines) > 30
    pages = sorted((course / "feedback").glob(f"*/{A01}/{A01}.html"))
    assert len(pages) == 11
    for page in pages:
        html = page.read_text()
        import html as html_module

        text = html_module.unescape(html)
        for line in hidden_lines:
            assert line not in text, f"{page.parent.parent.name}'s feedback shows hidden code: {line}"
        assert "HIDDEN TESTS" not in text
    raises = (course / "feedback" / "raises" / A01 / f"{A01}.html").read_text()
    assert "Hidden tests failed: ValueError: I give up" in raises
    correct = (course / "feedback" / "correct" / A01 / f"{A01}.html").read_text()
    assert "Hidden tests passed." in correct


def test_grading_before_build_says_what_to_do(tmp_path):
    shutil.copy(REPO / "nbgrader_config.py", tmp_path)
    shutil.copytree(REPO / "source" / A01, tmp_path / "source" / A01)
    with pytest.raises(CourseError, match="autograder build"):
        grade(tmp_path, A01, log=lambda *_: None)


def test_grading_an_unknown_assignment_lists_the_known_ones():
    with pytest.raises(CourseError, match=A01):
        grade(REPO, "a99_nothing", log=lambda *_: None)
