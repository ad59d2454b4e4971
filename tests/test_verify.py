"""The verify step, for every assignment: the proof that grading rewards and punishes what it should."""

import shutil
from pathlib import Path

import pytest

from autograder import notebooks
from autograder.course import assignment_ids, notebook_path
from autograder.verify import Variant, judge, verify

REPO = Path(__file__).resolve().parents[1]
CELLS = {"f": ["test_f", "hidden_f"], "g": ["test_g", "hidden_g"]}
FULL = {"test_f": (1.0, 1.0), "hidden_f": (2.0, 2.0), "test_g": (1.0, 1.0), "hidden_g": (1.0, 1.0)}


@pytest.mark.slow
@pytest.mark.parametrize("assignment_id", assignment_ids(REPO))
def test_assignment_grades_solution_full_blank_zero_mutants_lower_alternatives_full(assignment_id):
    report = verify(REPO, assignment_id, log=lambda *_: None)
    print(report.format())
    assert report.ok, report.format()
    kinds = [o.variant.kind for o in report.outcomes]
    assert kinds.count("solution") == 1 and kinds.count("blank") == 1
    assert kinds.count("mutant") >= 4 and kinds.count("alternative") >= 1


@pytest.mark.slow
def test_a_weakened_hidden_test_makes_verify_fail(tmp_path):
    """Replace mae's checks, visible and hidden, by ones any float passes: its mutants must now pass."""
    a01 = "a01_models_and_loss"
    shutil.copy(REPO / "nbgrader_config.py", tmp_path)
    # A course that names its gradebook (PostgreSQL, say): verify's variants must never reach it.
    real = tmp_path / "elsewhere" / "the-course-gradebook.db"
    with open(tmp_path / "nbgrader_config.py", "a") as config:
        config.write(f"\nc.CourseDirectory.db_url = 'sqlite:///{real}'\n")
    shutil.copytree(REPO / "source" / a01, tmp_path / "source" / a01)
    path = notebook_path(tmp_path / "source", a01)
    nb = notebooks.read(path)
    for cell in nb.cells:
        if notebooks.grade_id(cell) == "test_mae":
            cell.source = "assert isinstance(mae(np.ones(2), np.zeros(2)), float)"
        elif notebooks.grade_id(cell) == "hidden_mae":
            cell.source = "### BEGIN HIDDEN TESTS\nassert isinstance(mae(np.ones(2), np.zeros(2)), float)\n### END HIDDEN TESTS"
    notebooks.write(nb, path)
    report = verify(tmp_path, a01, only=["mae"], log=lambda *_: None)
    assert not report.ok
    weak = [o for o in report.outcomes if not o.ok]
    assert weak and all(o.variant.exercise == "mae" and "too weak" in o.why for o in weak)
    assert not real.exists()


def test_judge_requires_full_marks_from_solutions_and_alternatives():
    assert judge(Variant("s", "solution"), FULL, CELLS)[0]
    lost = dict(FULL, hidden_g=(0.0, 1.0))
    ok, why = judge(Variant("a", "alternative", "g"), lost, CELLS)
    assert not ok and "hidden_g" in why


def test_judge_requires_zero_from_the_blank_release():
    assert judge(Variant("b", "blank"), {k: (0.0, m) for k, (_, m) in FULL.items()}, CELLS)[0]
    assert not judge(Variant("b", "blank"), FULL, CELLS)[0]


def test_judge_requires_a_mutant_to_lose_points_on_its_own_exercise_only():
    assert judge(Variant("m", "mutant", "f"), dict(FULL, hidden_f=(0.0, 2.0)), CELLS)[0]
    ok, why = judge(Variant("m", "mutant", "f"), FULL, CELLS)
    assert not ok and "too weak" in why
    ok, why = judge(Variant("m", "mutant", "f"), dict(FULL, hidden_f=(0.0, 2.0), test_g=(0.0, 1.0)), CELLS)
    assert not ok and "not isolated" in why


def test_judge_fails_a_variant_that_was_never_graded():
    assert not judge(Variant("s", "solution"), {}, CELLS)[0]
