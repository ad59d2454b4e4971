"""A monkeypatched torch function: week 6's hidden tests compare with torch.optim, so patch that.

The attacker's `sgd_step` does nothing, and `torch.optim.SGD.step` is replaced by a step that does
nothing either: if the tests ran in the student's kernel, the reference trajectory would stand
still beside the student's and the hidden test would pass. The tests run in the judge, whose torch
the kernel cannot reach: the patch changes nothing there, the no-op step fails, and nothing else
is lost. The scan still lists the patch for a TA to read, without holding anything.
"""

from __future__ import annotations

import pytest

from autograder import notebooks
from autograder.course import notebook_path
from autograder.grade import Limits, grade
from grading_class import make_course, replaced, solution, submit

pytestmark = pytest.mark.slow
A06 = "a06_backprop"
NO_OP_SGD = "def sgd_step(params, grads, lr):\n    return None\n"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = make_course(tmp_path_factory.mktemp("torch_attack"), A06)
    sol = solution(course, A06)
    submit(course, A06, "correct", sol)
    submit(course, A06, "wrong_sgd", replaced(sol, sgd_step=NO_OP_SGD))
    submit(course, A06, "patched_torch", replaced(sol, sgd_step=(
        NO_OP_SGD + "torch.optim.SGD.step = lambda self, closure=None: None")))
    # The same patch hidden from the scan: runtime defence only.
    submit(course, A06, "patched_torch_quietly", replaced(sol, sgd_step=(
        NO_OP_SGD + "_optim = torch.optim\n_target = _optim.SGD\n"
        "type.__setattr__(_target, 'step', lambda self, closure=None: None)")))
    report = grade(course, A06, log=lambda *_: None, workers=3, report=False,
                   limits_=Limits(submission_timeout=300))
    return course, {r.student_id: r for r in report.results}


def test_the_solution_gets_full_marks(graded):
    _, results = graded
    assert results["correct"].score == results["correct"].max_score == 42.0


def test_a_wrong_answer_alone_loses_the_exercise(graded):
    _, results = graded
    assert results["wrong_sgd"].exercises["sgd_step"][0] == 0.0
    assert results["wrong_sgd"].score == 42.0 - 2.0


@pytest.mark.parametrize("student", ["patched_torch", "patched_torch_quietly"])
def test_patching_torch_optim_earns_nothing_for_the_exercise(graded, student):
    course, results = graded
    assert results[student].exercises["sgd_step"][0] == 0.0
    assert results[student].score == 42.0 - 2.0  # the patch costs nothing else: the judge's torch is its own
    graded_nb = notebooks.read(notebook_path(course / "autograded" / student, A06))
    hidden = next(c for c in graded_nb.cells if notebooks.grade_id(c) == "hidden_sgd_step")
    assert any("after step 1 vs torch.optim" in str(o.get("evalue", "")) for o in hidden.outputs)


def test_the_visible_patch_is_listed_for_review_but_holds_nothing(graded):
    _, results = graded
    assert results["patched_torch"].held == []
    assert any("reassigns torch.optim.SGD.step" in str(f) for f in results["patched_torch"].flags)
